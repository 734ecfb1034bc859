using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Files;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Provisioning;

/// <summary>Provisioning rules through the API: CRUD with revisions, validation naming the field, roles, tenants, preview.</summary>
public abstract class ProvisioningApiTests(QdmsAppFactory app)
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static JsonElement Rule(string name, string actions = """[{"type": "addTag", "tag": "provisioned"}]""", string when = "null", string events = """["0 BOOTSTRAP"]""") =>
        Json($$"""{"name": "{{name}}", "events": {{events}}, "when": {{when}}, "actions": {{actions}}}""");

    private static async Task<QdmsApiException> Fails(int status, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<QdmsApiException>(call);
        Assert.True(e.Status == status, $"expected {status}, got {e.Status}: {e.Message}");
        return e;
    }

    private static async Task<string> FieldOf(Func<Task> call)
    {
        var e = await Fails(400, call);
        Assert.NotNull(e.Errors);
        return Assert.Single(e.Errors).Key;
    }

    [Fact]
    public async Task A_rule_is_created_read_listed_replaced_with_a_new_revision_and_deleted_and_each_change_is_audited()
    {
        var admin = await app.AdminAsync();
        var name = Unique("defaults");
        var created = await admin.CreateProvisioningRuleAsync(new ProvisioningRuleRequest(name, ["0 bootstrap", "2"],
            [new RuleActionDto("set", Values: new Dictionary<string, RuleValueDto> { ["Device.ManagementServer.PeriodicInformInterval"] = new("600", "unsignedInt") }),
             new RuleActionDto("addTag", Tag: "provisioned")],
            new RuleConditionsDto(ProductClass: "SimGW", SoftwareVersion: "1.0.*"), Priority: 5));

        Assert.Equal((1, true, 5), (created.Revision, created.Enabled, created.Priority));
        Assert.Equal(["0 BOOTSTRAP", "2 PERIODIC"], created.Events); // codes are written canonically
        var read = await admin.GetProvisioningRuleAsync(created.Id);
        Assert.Equal(("SimGW", "1.0.*"), (read.When.ProductClass, read.When.SoftwareVersion));
        Assert.Equal(new RuleValueDto("600", "unsignedInt"), read.Actions[0].Values!["Device.ManagementServer.PeriodicInformInterval"]);
        Assert.Contains(await admin.ListProvisioningRulesAsync(), r => r.Id == created.Id);

        var updated = await admin.UpdateProvisioningRuleAsync(created.Id, Rule(name, """[{"type": "reboot"}]""", events: """["1 BOOT"]"""));
        Assert.Equal((2, "reboot", "1 BOOT"), (updated.Revision, Assert.Single(updated.Actions).Type, Assert.Single(updated.Events)));

        await admin.DeleteProvisioningRuleAsync(created.Id);
        await Fails(404, () => admin.GetProvisioningRuleAsync(created.Id));
        var audit = (await admin.ListAuditAsync(size: 200)).Items.Where(a => a.Target == $"provisioning-rule/{created.Id}").Select(a => a.Action).Order();
        Assert.Equal(["provisioning.rule.create", "provisioning.rule.delete", "provisioning.rule.update"], audit);
    }

    [Fact]
    public async Task Bad_rules_are_refused_with_a_400_naming_the_field()
    {
        var admin = await app.AdminAsync();
        var name = Unique("bad");
        Assert.Equal("actions[0].values.Device..X", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, """[{"type": "set", "values": {"Device..X": "1"}}]"""))));
        Assert.Equal("actions[0].values.Device.A.", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, """[{"type": "set", "values": {"Device.A.": "1"}}]"""))));
        Assert.Equal("actions[0].values.Device.A", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, """[{"type": "set", "values": {"Device.A": [1]}}]"""))));
        Assert.Equal("actions[0].values", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, """[{"type": "set", "values": {}}]"""))));
        Assert.Equal("events[1]", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, events: """["1 BOOT", "99 NEVER"]"""))));
        Assert.Equal("events", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, events: "[]"))));
        Assert.Equal("actions", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, "[]"))));
        Assert.Equal("actions[0].type", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, """[{"type": "explode"}]"""))));
        Assert.Equal("actions[0].path", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, """[{"type": "refresh", "path": "not a path"}]"""))));
        Assert.Equal("actions[0].tag", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, """[{"type": "addTag", "tag": "no spaces"}]"""))));
        Assert.Equal("actions[0].fileId", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, """[{"type": "download"}]"""))));
        Assert.Equal("actions[0]", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, """[{"type": "setGroup"}]"""))));
        Assert.Equal("when.softwareVersoin", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, when: """{"softwareVersoin": "1.*"}"""))));
        Assert.Equal("when.parameters[0].op", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(name, when: """{"parameters": [{"path": "Device.X", "op": "<", "value": "1"}]}"""))));
        Assert.Equal("name", await FieldOf(() => admin.CreateProvisioningRuleAsync(Rule(""))));
        Assert.DoesNotContain(await admin.ListProvisioningRulesAsync(), r => r.Name == name); // nothing half-written
    }

    [Fact]
    public async Task A_duplicate_name_is_a_409_and_a_download_of_a_file_the_tenant_does_not_have_is_a_422()
    {
        var (tenantAdmin, _, _) = await app.TenantUserAsync("admin");
        var (other, _, _) = await app.TenantUserAsync("admin");
        var name = Unique("dup");
        await tenantAdmin.CreateProvisioningRuleAsync(Rule(name));
        await Fails(409, () => tenantAdmin.CreateProvisioningRuleAsync(Rule(name)));

        var theirs = await FileUploads.RegisterAsync(other, FileUploads.Bytes(100), FileUploads.Request(Unique("fw") + ".bin"));
        var e = await Fails(422, () => tenantAdmin.CreateProvisioningRuleAsync(Rule(Unique("dl"), $$"""[{"type": "download", "fileId": {{theirs.Id}}}]""")));
        Assert.Contains("actions[0].fileId", e.Message, StringComparison.Ordinal);
        var mine = await FileUploads.RegisterAsync(tenantAdmin, FileUploads.Bytes(100), FileUploads.Request(Unique("fw") + ".bin"));
        var ok = await tenantAdmin.CreateProvisioningRuleAsync(Rule(Unique("dl"), $$"""[{"type": "download", "fileId": {{mine.Id}}, "fileType": "1 Firmware Upgrade Image"}]"""));
        Assert.Equal(mine.Id, ok.Actions[0].FileId);
    }

    [Fact]
    public async Task Another_tenants_rule_is_a_404_for_every_route_and_is_not_listed()
    {
        var admin = await app.AdminAsync();
        var rule = await admin.CreateProvisioningRuleAsync(Rule(Unique("mine")));
        var device = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", Unique("00D09E-SimGW"))]));
        var (stranger, _, _) = await app.TenantUserAsync("admin");
        var strangersDevice = await stranger.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", Unique("00D09E-SimGW"))]));

        await Fails(404, () => stranger.GetProvisioningRuleAsync(rule.Id));
        await Fails(404, () => stranger.UpdateProvisioningRuleAsync(rule.Id, Rule(Unique("taken"))));
        await Fails(404, () => stranger.DeleteProvisioningRuleAsync(rule.Id));
        await Fails(404, () => stranger.PreviewProvisioningRuleAsync(rule.Id, device.Id));
        Assert.DoesNotContain(await stranger.ListProvisioningRulesAsync(), r => r.Id == rule.Id);
        // the rule's owner cannot preview it on a device of another tenant either
        await Fails(404, () => admin.PreviewProvisioningRuleAsync(rule.Id, strangersDevice.Id));
        var own = await stranger.CreateProvisioningRuleAsync(Rule(Unique("theirs")));
        await Fails(404, () => stranger.PreviewProvisioningRuleAsync(own.Id, device.Id));
        Assert.Equal(1, (await admin.GetProvisioningRuleAsync(rule.Id)).Revision);
    }

    [Fact]
    public async Task A_viewer_reads_and_previews_but_cannot_write()
    {
        var (tenantAdmin, tenant, _) = await app.TenantUserAsync("admin");
        var rule = await tenantAdmin.CreateProvisioningRuleAsync(Rule(Unique("r")));
        var device = await tenantAdmin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", Unique("00D09E-SimGW"))]));
        var admin = await app.AdminAsync();
        var viewerName = "v" + Guid.NewGuid().ToString("N")[..10];
        await admin.CreateUserAsync(new CreateUserRequest(viewerName, "user-pass-123", "viewer", tenant.Id));
        var viewer = await app.SignInAsync(viewerName, "user-pass-123");

        Assert.Equal(rule.Name, (await viewer.GetProvisioningRuleAsync(rule.Id)).Name);
        Assert.Single(await viewer.ListProvisioningRulesAsync());
        Assert.True((await viewer.PreviewProvisioningRuleAsync(rule.Id, device.Id)).Applies);
        await Fails(403, () => viewer.CreateProvisioningRuleAsync(Rule(Unique("r"))));
        await Fails(403, () => viewer.UpdateProvisioningRuleAsync(rule.Id, Rule(rule.Name)));
        await Fails(403, () => viewer.DeleteProvisioningRuleAsync(rule.Id));
        Assert.Equal(1, (await viewer.GetProvisioningRuleAsync(rule.Id)).Revision);
    }

    [Fact]
    public async Task A_preview_says_which_condition_fails_and_which_actions_would_apply()
    {
        var admin = await app.AdminAsync();
        var serial = Unique("S");
        var device = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", $"00D09E-SimGW-{serial}")], Serial: serial,
            Model: "SimGW", FirmwareVersion: "1.0.0", Tags: ["lab"], ProvisionGroup: "pg-a"));
        var rule = await admin.CreateProvisioningRuleAsync(Rule(Unique("preview"),
            """[{"type": "addTag", "tag": "lab"}, {"type": "addTag", "tag": "new"}, {"type": "setGroup", "provisionGroup": "pg-b"}, {"type": "reboot"}]""",
            """{"oui": "00D09E", "productClass": "SimGW", "softwareVersion": "2.*", "tag": "lab"}""", """["1 BOOT", "2 PERIODIC"]"""));

        var preview = await admin.PreviewProvisioningRuleAsync(rule.Id, device.Id);

        Assert.Equal((true, false, false), (preview.RunsOnEvent, preview.ConditionsHold, preview.Applies));
        var failing = Assert.Single(preview.Conditions, c => !c.Holds);
        Assert.Equal(("softwareVersion matches 2.*", "1.0.0"), (failing.Condition, failing.Actual));
        Assert.Contains(preview.Conditions, c => c is { Condition: "oui = 00D09E", Holds: true });
        Assert.Contains(preview.Conditions, c => c is { Condition: "productClass = SimGW", Holds: true });
        Assert.Equal([false, true, true, true], preview.Actions.Select(a => a.Apply));
        Assert.Contains("already has tag lab", preview.Actions[0].Reason, StringComparison.Ordinal);

        var onBootstrap = await admin.PreviewProvisioningRuleAsync(rule.Id, device.Id, "0 BOOTSTRAP");
        Assert.Equal(("0 BOOTSTRAP", false), (onBootstrap.EventCode, onBootstrap.RunsOnEvent));
        await Fails(400, () => admin.PreviewProvisioningRuleAsync(rule.Id, device.Id, "nonsense"));

        await admin.UpdateProvisioningRuleAsync(rule.Id, Rule(rule.Name, """[{"type": "reboot"}]""", """{"softwareVersion": "1.0.*"}""", """["1 BOOT"]"""));
        var matching = await admin.PreviewProvisioningRuleAsync(rule.Id, device.Id, "1 boot");
        Assert.Equal((true, true, true, 2), (matching.RunsOnEvent, matching.ConditionsHold, matching.Applies, matching.Revision));
        Assert.Equal(("reboot", "reboot"), (matching.Actions[0].Type, matching.Actions[0].TaskKind));
    }
}

public sealed class SqliteProvisioningApiTests(SqliteApp app) : ProvisioningApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProvisioningApiTests(PostgresApp app) : ProvisioningApiTests(app), IClassFixture<PostgresApp>;
