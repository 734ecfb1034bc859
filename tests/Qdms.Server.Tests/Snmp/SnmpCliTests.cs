using System.Text.Json;
using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests.Snmp;

/// <summary>The <c>qdms snmp</c> commands against the test server and a real snmpd: add, settings, profiles, assign, get/set/walk.</summary>
public sealed class SnmpCliTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_operator_adds_a_device_assigns_a_profile_and_gets_sets_and_walks_it_from_the_cli()
    {
        using var snmpd = new SnmpdAgent();
        using var cli = new CliRunner(app);
        Assert.Equal(0, (await cli.RunAsync("login", "--user", "admin", "--password", QdmsAppFactory.AdminPassword)).Exit);
        var (exit, output) = await cli.RunAsync("engines", "add", "snmp", "cli", "--set", "trapPort=0", "--set", "taskPollMs=100", "--set", "timeoutMs=500");
        Assert.True(exit == 0, output);
        Assert.Equal(0, (await cli.RunAsync("engines", "start", "snmp", "0")).Exit);

        (exit, output) = await cli.RunAsync("snmp", "add", "127.0.0.1", "--port", snmpd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-v", "2c", "-c", "private",
            "--name", "edge-1", "--tags", "edge", "--json");
        Assert.True(exit == 0, output);
        var id = JsonDocument.Parse(output).RootElement.GetProperty("device").GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain("private", output, StringComparison.Ordinal);

        (exit, output) = await cli.RunAsync("snmp", "settings", id);
        Assert.True(exit == 0 && output.Contains("set", StringComparison.Ordinal) && output.Contains("2c", StringComparison.Ordinal), output);

        (exit, output) = await cli.RunAsync("snmp", "profiles", "list");
        Assert.True(exit == 0 && output.Contains("if-mib", StringComparison.Ordinal) && output.Contains("host-resources", StringComparison.Ordinal), output);
        (exit, output) = await cli.RunAsync("snmp", "assign", "mib2-system", "--tag", "edge");
        Assert.True(exit == 0 && output.Contains("edge", StringComparison.Ordinal), output);

        (exit, output) = await cli.RunAsync("snmp", "set", id, "1.3.6.1.2.1.1.6.0=s:rack 7");
        Assert.True(exit == 0, output);
        (exit, output) = await cli.RunAsync("snmp", "get", id, "1.3.6.1.2.1.1.6.0", "1.3.6.1.2.1.1.5.0");
        Assert.True(exit == 0, output);
        Assert.Contains("1.3.6.1.2.1.1.6.0 = string: rack 7", output, StringComparison.Ordinal);
        Assert.Contains("1.3.6.1.2.1.1.5.0 = string: qdms-snmp-peer", output, StringComparison.Ordinal);
        (exit, output) = await cli.RunAsync("snmp", "walk", id, "1.3.6.1.2.1.1");
        Assert.True(exit == 0 && output.Contains("\"count\"", StringComparison.Ordinal), output);

        (exit, output) = await cli.RunAsync("snmp", "get", id, "not-an-oid");
        Assert.Equal(1, exit);
        Assert.Contains("invalid-arguments", output, StringComparison.Ordinal);
    }
}
