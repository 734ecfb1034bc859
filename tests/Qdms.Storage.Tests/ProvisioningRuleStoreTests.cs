using Qdms.Core.Errors;
using Qdms.Core.Provisioning;
using Qdms.Core.Security;
using Qdms.Storage.Stores;
using static Qdms.Storage.Tests.DeviceTestData;

namespace Qdms.Storage.Tests;

public abstract class ProvisioningRuleStoreTests(TestDatabase database)
{
    private readonly SqlProvisioningRuleStore _rules = new(database.Db);
    private readonly SqlDeviceStore _devices = new(database.Db);

    private static ProvisioningRuleSpec Spec(string name, bool enabled = true, int priority = 100) => new(
        name, "a test rule", enabled, priority, [ProvisioningEvents.Bootstrap, ProvisioningEvents.Periodic],
        new RuleConditions(ProductClass: "SimGW", SoftwareVersion: "1.*", Parameters: [new ParameterCondition("Device.DeviceInfo.HardwareVersion", "=", "HW-1.0")]),
        [
            new RuleAction(RuleActionTypes.Set, Values: [new RuleSetValue("Device.ManagementServer.PeriodicInformInterval", "600", "unsignedInt")]),
            new RuleAction(RuleActionTypes.AddTag, Tag: "provisioned"),
            new RuleAction(RuleActionTypes.Download, FileId: 7, FileType: "1 Firmware Upgrade Image"),
        ]);

    [Fact]
    public async Task A_rule_round_trips_with_its_events_conditions_and_actions_at_revision_1()
    {
        var tenant = await NewTenantAsync(database.Db);
        var created = await _rules.CreateAsync(tenant, Spec("defaults"), Now, "alice", default);

        var read = await _rules.GetAsync(created.Id, TenantScope.Of(tenant), default);

        Assert.NotNull(read);
        Assert.Equal((tenant, "defaults", "a test rule", true, 100, 1, "alice", Now), (read.TenantId, read.Name, read.Description, read.Enabled, read.Priority, read.Revision, read.UpdatedBy, read.CreatedAt));
        Assert.Equal([ProvisioningEvents.Bootstrap, ProvisioningEvents.Periodic], read.Events);
        Assert.Equal(("SimGW", "1.*", null), (read.When.ProductClass, read.When.SoftwareVersion, read.When.Oui));
        Assert.Equal(new ParameterCondition("Device.DeviceInfo.HardwareVersion", "=", "HW-1.0"), Assert.Single(read.When.Parameters!));
        Assert.Equal([RuleActionTypes.Set, RuleActionTypes.AddTag, RuleActionTypes.Download], read.Actions.Select(a => a.Type));
        Assert.Equal(new RuleSetValue("Device.ManagementServer.PeriodicInformInterval", "600", "unsignedInt"), Assert.Single(read.Actions[0].Values!));
        Assert.Equal((7L, "1 Firmware Upgrade Image"), (read.Actions[2].FileId, read.Actions[2].FileType));
    }

    [Fact]
    public async Task Names_are_unique_per_tenant_and_other_tenants_do_not_see_a_rule()
    {
        var tenant = await NewTenantAsync(database.Db);
        var other = await NewTenantAsync(database.Db);
        var rule = await _rules.CreateAsync(tenant, Spec("same"), Now, "alice", default);
        await _rules.CreateAsync(other, Spec("same"), Now, "bob", default); // another tenant may use the name

        await Assert.ThrowsAsync<ConflictException>(() => _rules.CreateAsync(tenant, Spec("same"), Now, "alice", default));
        Assert.Null(await _rules.GetAsync(rule.Id, TenantScope.Of(other), default));
        Assert.Null(await _rules.UpdateAsync(rule.Id, TenantScope.Of(other), Spec("taken"), Now, "bob", default));
        Assert.False(await _rules.DeleteAsync(rule.Id, TenantScope.Of(other), default));
        Assert.Equal(["same"], (await _rules.ListAsync(TenantScope.Of(other), default)).Select(r => r.Name));
    }

    [Fact]
    public async Task An_update_replaces_the_rule_and_raises_its_revision_and_a_taken_name_conflicts()
    {
        var tenant = await NewTenantAsync(database.Db);
        var rule = await _rules.CreateAsync(tenant, Spec("first"), Now, "alice", default);
        await _rules.CreateAsync(tenant, Spec("second"), Now, "alice", default);

        var updated = await _rules.UpdateAsync(rule.Id, TenantScope.Of(tenant), Spec("first-renamed", enabled: false, priority: 5) with { Actions = [new RuleAction(RuleActionTypes.Reboot)] },
            Now.AddMinutes(1), "bob", default);

        Assert.NotNull(updated);
        Assert.Equal(("first-renamed", false, 5, 2, "bob", Now.AddMinutes(1)), (updated.Name, updated.Enabled, updated.Priority, updated.Revision, updated.UpdatedBy, updated.UpdatedAt));
        Assert.Equal([RuleActionTypes.Reboot], updated.Actions.Select(a => a.Type));
        await Assert.ThrowsAsync<ConflictException>(() => _rules.UpdateAsync(rule.Id, TenantScope.Of(tenant), Spec("second"), Now, "bob", default));
    }

    [Fact]
    public async Task Enabled_rules_of_a_tenant_are_listed_by_priority_then_id()
    {
        var tenant = await NewTenantAsync(database.Db);
        var late = await _rules.CreateAsync(tenant, Spec("late", priority: 200), Now, "alice", default);
        var early = await _rules.CreateAsync(tenant, Spec("early", priority: 10), Now, "alice", default);
        await _rules.CreateAsync(tenant, Spec("off", enabled: false, priority: 1), Now, "alice", default);
        var tie = await _rules.CreateAsync(tenant, Spec("tie", priority: 200), Now, "alice", default);
        await _rules.CreateAsync(await NewTenantAsync(database.Db), Spec("elsewhere"), Now, "bob", default);

        var enabled = await _rules.ListEnabledAsync(tenant, default);

        Assert.Equal([early.Id, late.Id, tie.Id], enabled.Select(r => r.Id));
    }

    [Fact]
    public async Task Applied_revisions_are_remembered_per_rule_and_device_and_go_with_the_rule()
    {
        var tenant = await NewTenantAsync(database.Db);
        var device = await _devices.CreateAsync(tenant, Draft(Unique()), Now, default);
        var rule = await _rules.CreateAsync(tenant, Spec("once"), Now, "alice", default);
        var kept = await _rules.CreateAsync(tenant, Spec("kept"), Now, "alice", default);

        await _rules.RecordAppliedAsync(rule.Id, 1, device.Id, Now, default);
        await _rules.RecordAppliedAsync(rule.Id, 2, device.Id, Now.AddMinutes(5), default);
        await _rules.RecordAppliedAsync(kept.Id, 1, device.Id, Now, default);

        var applied = await _rules.ListAppliedAsync(device.Id, default);
        Assert.Equal(new RuleApplication(2, Now.AddMinutes(5)), applied[rule.Id]);
        Assert.True(await _rules.DeleteAsync(rule.Id, TenantScope.Of(tenant), default));
        Assert.Equal([kept.Id], (await _rules.ListAppliedAsync(device.Id, default)).Keys);
        Assert.True(await _devices.DeleteAsync(device.Id, TenantScope.Of(tenant), default));
        Assert.Empty(await _rules.ListAppliedAsync(device.Id, default));
    }
}

public sealed class SqliteProvisioningRuleStoreTests(SqliteDatabase db) : ProvisioningRuleStoreTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresProvisioningRuleStoreTests(PostgresDatabase db) : ProvisioningRuleStoreTests(db), IClassFixture<PostgresDatabase>;
