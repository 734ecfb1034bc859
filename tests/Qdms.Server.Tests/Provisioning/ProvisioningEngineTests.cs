using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Files;
using Qdms.Server.Tests.Support;
using Qdms.Server.Tests.Tr069;
using Qdms.Tools.CpeSim;

namespace Qdms.Server.Tests.Provisioning;

/// <summary>
/// Provisioning rules applied by the tr069 engine for real on loopback, the CPE simulator on the other side. Each test's CPEs
/// have a product class of their own, and its rules ask for it, so the rules of one test never touch another's CPEs.
/// </summary>
public abstract class ProvisioningEngineTests(QdmsAppFactory app)
{
    private const string Interval = "Device.ManagementServer.PeriodicInformInterval";

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>A CPE of its own product class (and software version) on a fleet disposed with the engine.</summary>
    private (SimulatedCpe Cpe, string ProductClass) Cpe(AcsUnderTest acs, List<IDisposable> owned, string softwareVersion = "1.0.0")
    {
        var productClass = "P" + Guid.NewGuid().ToString("N")[..8];
        var lines = File.ReadAllLines(AcsUnderTest.ModelPath)
            .Select(l => l.StartsWith("Device.DeviceInfo.ProductClass|", StringComparison.Ordinal) ? $"Device.DeviceInfo.ProductClass|string|ro|{productClass}"
                : l.StartsWith("Device.DeviceInfo.SoftwareVersion|", StringComparison.Ordinal) ? $"Device.DeviceInfo.SoftwareVersion|string|ro|{softwareVersion}"
                : l)
            .ToArray();
        var downloads = app.CreateClient(); // the file repository's /files route of the in-process server
        owned.Add(downloads);
        var fleet = new CpeFleet(1, "V" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), serial => DataModel.Parse(lines, serial), new CpeOptions(acs.Url), downloads);
        owned.Add(fleet);
        return (fleet.Cpes[0], productClass);
    }

    private static async Task<IReadOnlyList<DeviceEventDto>> ProvisioningEventsAsync(QdmsClient admin, long deviceId) =>
        (await admin.ListEventsAsync(deviceId: deviceId, type: "provisioning", size: 100)).Items;

    private static void Completed(IReadOnlyList<SessionOutcome> outcomes) => Assert.All(outcomes, o => Assert.True(o.Completed, o.Error));

    [Fact]
    public async Task A_bootstrap_rule_sets_the_interval_and_tags_the_device_in_the_first_session_and_a_later_session_does_not_queue_it_again()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        List<IDisposable> owned = [];
        var (cpe, productClass) = Cpe(acs, owned);
        var rule = await acs.Admin.CreateProvisioningRuleAsync(Json($$$"""
            {"name": "bootstrap-{{{productClass}}}", "events": ["0 BOOTSTRAP", "1 BOOT", "2 PERIODIC"], "when": {"productClass": "{{{productClass}}}"},
             "actions": [{"type": "set", "values": {"{{{Interval}}}": 600}}, {"type": "addTag", "tag": "provisioned"}]}
            """));

        Completed(await cpe.BootAsync(default));

        Assert.Equal(["SetParameterValues"], cpe.Served);
        Assert.Equal("600", cpe.Model.ValueOf(Interval));
        var device = await acs.DeviceOfAsync(cpe);
        Assert.Contains("provisioned", device.Tags);
        var task = Assert.Single(await acs.Admin.ListTasksAsync(device.Id));
        Assert.Equal(("set", "done", $"provisioning:{rule.Name}"), (task.Kind, task.Status, task.CreatedBy));
        var e = Assert.Single(await ProvisioningEventsAsync(acs.Admin, device.Id));
        Assert.Equal((rule.Id, 1), (e.Data!.Value.GetProperty("ruleId").GetInt64(), e.Data.Value.GetProperty("revision").GetInt32()));

        Completed(await cpe.PeriodicInformAsync(default));
        Completed(await cpe.BootAsync(default));

        Assert.Single(cpe.Served); // nothing more was asked of the CPE
        Assert.Single(await acs.Admin.ListTasksAsync(device.Id));
        Assert.Single(await ProvisioningEventsAsync(acs.Admin, device.Id));
        owned.ForEach(o => o.Dispose());
    }

    [Fact]
    public async Task Rules_whose_product_class_software_version_or_parameter_condition_does_not_match_are_not_applied()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        List<IDisposable> owned = [];
        var (cpe, productClass) = Cpe(acs, owned, softwareVersion: "1.4.2");
        await acs.Admin.CreateProvisioningRuleAsync(Json($$$"""
            {"name": "other-class-{{{productClass}}}", "events": ["0 BOOTSTRAP"], "when": {"productClass": "{{{productClass}}}X"}, "actions": [{"type": "addTag", "tag": "wrong-class"}]}
            """));
        await acs.Admin.CreateProvisioningRuleAsync(Json($$$"""
            {"name": "v2-{{{productClass}}}", "events": ["0 BOOTSTRAP"], "when": {"productClass": "{{{productClass}}}", "softwareVersion": "2.*"}, "actions": [{"type": "addTag", "tag": "wrong-version"}]}
            """));
        await acs.Admin.CreateProvisioningRuleAsync(Json($$$"""
            {"name": "hw2-{{{productClass}}}", "events": ["0 BOOTSTRAP"], "when": {"productClass": "{{{productClass}}}", "parameters": [{"path": "Device.DeviceInfo.HardwareVersion", "op": "=", "value": "HW-2.0"}]},
             "actions": [{"type": "set", "values": {"{{{Interval}}}": 900}}]}
            """));
        await acs.Admin.CreateProvisioningRuleAsync(Json($$$"""
            {"name": "v1-{{{productClass}}}", "events": ["0 BOOTSTRAP"], "when": {"productClass": "{{{productClass}}}", "softwareVersion": "1.4.*",
             "parameters": [{"path": "Device.DeviceInfo.HardwareVersion", "op": "prefix", "value": "HW-1"}]}, "actions": [{"type": "addTag", "tag": "v1"}]}
            """));

        Completed(await cpe.BootAsync(default));

        Assert.Empty(cpe.Served);
        Assert.Equal("300", cpe.Model.ValueOf(Interval));
        var device = await acs.DeviceOfAsync(cpe);
        Assert.Equal(["v1"], device.Tags); // only the rule whose conditions all hold
        Assert.Equal("v1-" + productClass, Assert.Single(await ProvisioningEventsAsync(acs.Admin, device.Id)).Data!.Value.GetProperty("rule").GetString());
        owned.ForEach(o => o.Dispose());
    }

    [Fact]
    public async Task A_download_rule_runs_once_per_revision_even_though_the_cpe_boots_after_it()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        List<IDisposable> owned = [];
        var (cpe, productClass) = Cpe(acs, owned);
        var content = FileUploads.Bytes(20_000, seed: 5);
        var file = await FileUploads.RegisterAsync(acs.Admin, content, FileUploads.Request("prov-" + productClass + ".bin"));
        var rule = await acs.Admin.CreateProvisioningRuleAsync(Json($$$"""
            {"name": "fw-{{{productClass}}}", "events": ["1 BOOT", "2 PERIODIC"], "when": {"productClass": "{{{productClass}}}"}, "actions": [{"type": "download", "fileId": {{{file.Id}}}}]}
            """));

        var outcomes = await cpe.BootAsync(default); // boot → Download → the CPE's M Download + 7 TRANSFER COMPLETE + 1 BOOT session

        Assert.Equal(2, outcomes.Count);
        Completed(outcomes);
        Assert.Equal(content, Assert.Single(cpe.Downloads).Content);
        var device = await acs.DeviceOfAsync(cpe);
        var task = Assert.Single(await acs.Admin.ListTasksAsync(device.Id));
        Assert.Equal(("download", "done", $"provisioning:{rule.Name}"), (task.Kind, task.Status, task.CreatedBy));

        Completed(await cpe.PeriodicInformAsync(default));
        Completed(await cpe.BootAsync(default));
        Assert.Single(cpe.Downloads);
        Assert.Single(await acs.Admin.ListTasksAsync(device.Id));

        var preview = await acs.Admin.PreviewProvisioningRuleAsync(rule.Id, device.Id, "2 PERIODIC");
        Assert.False(preview.Applies);
        Assert.Contains("revision 1 of this rule was applied", preview.Actions[0].Reason, StringComparison.Ordinal);
        owned.ForEach(o => o.Dispose());
    }

    [Fact]
    public async Task A_periodic_rule_waits_for_a_periodic_inform()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        List<IDisposable> owned = [];
        var (cpe, productClass) = Cpe(acs, owned);
        await acs.Admin.CreateProvisioningRuleAsync(Json($$$"""
            {"name": "periodic-{{{productClass}}}", "events": ["2 PERIODIC"], "when": {"productClass": "{{{productClass}}}"},
             "actions": [{"type": "set", "values": {"Device.WiFi.SSID.1.SSID": "fleet"}}, {"type": "setGroup", "provisionGroup": "wave-1"}]}
            """));

        Completed(await cpe.BootAsync(default));
        Assert.Empty(cpe.Served);
        Assert.Null((await acs.DeviceOfAsync(cpe)).ProvisionGroup);

        Completed(await cpe.PeriodicInformAsync(default));

        Assert.Equal(["SetParameterValues"], cpe.Served);
        Assert.Equal("fleet", cpe.Model.ValueOf("Device.WiFi.SSID.1.SSID"));
        Assert.Equal("wave-1", (await acs.DeviceOfAsync(cpe)).ProvisionGroup);
        Completed(await cpe.PeriodicInformAsync(default));
        Assert.Single(cpe.Served);
        owned.ForEach(o => o.Dispose());
    }

    [Fact]
    public async Task An_edited_rule_is_applied_again_once()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        List<IDisposable> owned = [];
        var (cpe, productClass) = Cpe(acs, owned);
        string Body(int interval) => $$$"""
            {"name": "edit-{{{productClass}}}", "events": ["2 PERIODIC"], "when": {"productClass": "{{{productClass}}}"},
             "actions": [{"type": "set", "values": {"{{{Interval}}}": {{{interval}}}}}, {"type": "reboot"}]}
            """;
        var rule = await acs.Admin.CreateProvisioningRuleAsync(Json(Body(600)));
        Completed(await cpe.BootAsync(default));

        Completed(await cpe.PeriodicInformAsync(default)); // set + reboot, then the CPE's M Reboot + 1 BOOT session
        Completed(await cpe.PeriodicInformAsync(default)); // nothing
        Assert.Equal(["SetParameterValues", "Reboot"], cpe.Served);
        Assert.Equal("600", cpe.Model.ValueOf(Interval));

        var edited = await acs.Admin.UpdateProvisioningRuleAsync(rule.Id, Json(Body(900)));
        Assert.Equal(2, edited.Revision);
        Completed(await cpe.PeriodicInformAsync(default));
        Completed(await cpe.PeriodicInformAsync(default));

        Assert.Equal(["SetParameterValues", "Reboot", "SetParameterValues", "Reboot"], cpe.Served);
        Assert.Equal("900", cpe.Model.ValueOf(Interval));
        var device = await acs.DeviceOfAsync(cpe);
        var revisions = (await ProvisioningEventsAsync(acs.Admin, device.Id)).Select(e => e.Data!.Value.GetProperty("revision").GetInt32()).Order();
        Assert.Equal([1, 2], revisions);
        owned.ForEach(o => o.Dispose());
    }
}

public sealed class SqliteProvisioningEngineTests(SqliteApp app) : ProvisioningEngineTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProvisioningEngineTests(PostgresApp app) : ProvisioningEngineTests(app), IClassFixture<PostgresApp>;
