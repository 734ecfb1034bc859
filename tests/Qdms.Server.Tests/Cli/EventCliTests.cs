using Microsoft.Extensions.DependencyInjection;
using Qdms.Core.Events;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Cli;

/// <summary><c>qdms events list</c> against a real server.</summary>
public sealed class EventCliTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Events_are_listed_as_a_table_and_as_json_with_filters()
    {
        using var cli = await CliSignIn.TenantUserAsync(app);
        var u = DevicesTests.Unique();
        var device = await cli.JsonAsync("devices", "add", "--identity", $"snmp:10.9.{u}", "--name", "Core switch");
        var id = device.GetProperty("id").GetInt64();
        var tenant = device.GetProperty("tenantId").GetInt64();
        await app.Services.GetRequiredService<IDeviceEventStore>().AppendAsync(
        [
            new NewDeviceEvent(tenant, id, "snmp", "trap", EventSeverity.Major, DateTimeOffset.UtcNow, "linkDown ifIndex 3"),
            new NewDeviceEvent(tenant, id, "snmp", "inform", EventSeverity.Info, DateTimeOffset.UtcNow, "coldStart"),
        ], default);

        var table = await cli.OkAsync("events", "list", "--device", id.Text());
        Assert.Contains("linkDown ifIndex 3", table, StringComparison.Ordinal);
        Assert.Contains("coldStart", table, StringComparison.Ordinal);
        var major = await cli.JsonAsync("events", "list", "--severity", "major");
        Assert.Equal(["linkDown ifIndex 3"], major.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
    }
}
