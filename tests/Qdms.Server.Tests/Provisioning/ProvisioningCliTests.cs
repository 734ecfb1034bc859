using Qdms.Server.Tests.Cli;
using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests.Provisioning;

/// <summary><c>qdms provisioning …</c> against the in-process server: add from a file, list, show, update, preview, delete.</summary>
public sealed class ProvisioningCliTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_operator_adds_lists_shows_updates_previews_and_deletes_a_rule_from_the_cli()
    {
        using var cli = await CliSignIn.TenantUserAsync(app, "operator");
        using var dir = new TempDirectory("qdms-cli-provisioning");
        var file = Path.Combine(dir.Path, "rule.json");
        await File.WriteAllTextAsync(file, """
            {"name": "cli-defaults", "events": ["0 BOOTSTRAP"], "when": {"model": "SimGW"},
             "actions": [{"type": "set", "values": {"Device.ManagementServer.PeriodicInformInterval": 600}}, {"type": "addTag", "tag": "provisioned"}]}
            """);

        var created = await cli.JsonAsync("provisioning", "add", "--file", file);
        var id = created.GetProperty("id").GetInt64().Text();
        Assert.Equal(1, created.GetProperty("revision").GetInt32());

        var list = await cli.OkAsync("provisioning", "list");
        Assert.Contains("cli-defaults", list, StringComparison.Ordinal);
        Assert.Contains("0 BOOTSTRAP", list, StringComparison.Ordinal);
        var show = await cli.OkAsync("provisioning", "show", id);
        Assert.Contains("Device.ManagementServer.PeriodicInformInterval", show, StringComparison.Ordinal);

        var device = await cli.JsonAsync("devices", "add", "--identity", "tr069:00D09E-SimGW-CLI1-" + Guid.NewGuid().ToString("N")[..6], "--model", "OtherGW");
        var preview = await cli.OkAsync("provisioning", "preview", id, "--device", device.GetProperty("id").GetInt64().Text());
        Assert.Contains("does not match", preview, StringComparison.Ordinal);
        Assert.Contains("model = SimGW", preview, StringComparison.Ordinal);
        Assert.Contains("OtherGW", preview, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, """{"name": "cli-defaults", "events": ["1 BOOT"], "actions": [{"type": "reboot"}]}""");
        var updated = await cli.OkAsync("provisioning", "update", id, "--file", file);
        Assert.Contains("revision 2", updated, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, """{"name": "cli-bad", "events": ["1 BOOT"], "actions": [{"type": "set", "values": {"Device.": 1}}]}""");
        var (exit, output) = await cli.RunAsync("provisioning", "add", "--file", file);
        Assert.NotEqual(0, exit);
        Assert.Contains("actions[0].values.Device.", output, StringComparison.Ordinal);

        Assert.Contains("deleted", await cli.OkAsync("provisioning", "delete", id), StringComparison.Ordinal);
        Assert.DoesNotContain("cli-defaults", await cli.OkAsync("provisioning", "list"), StringComparison.Ordinal);
    }
}
