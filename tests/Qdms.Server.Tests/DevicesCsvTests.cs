using System.Text;
using Qdms.Client;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

public abstract class DevicesCsvTests(QdmsAppFactory app)
{
    private static async Task<string> ExportAsync(QdmsClient client, string? tag = null)
    {
        var text = new StringWriter();
        await client.ExportDevicesAsync(text, tag: tag);
        return text.ToString();
    }

    [Fact]
    public async Task An_export_imported_into_another_tenant_gives_the_same_devices()
    {
        var (a, _, _) = await app.TenantUserAsync("admin");
        var (b, _, _) = await app.TenantUserAsync("admin");
        var u = DevicesTests.Unique();
        var csv = new StringBuilder("identities,name,manufacturer,model,serial,firmwareVersion,address,provisionGroup,updateGroup,tags\r\n")
            .Append($"tr069:00259E-HG8245-{u};snmp:10.0.0.{u},\"Lobby, \"\"west\"\" wing\",Huawei,HG8245H,SN{u},V3R017,192.0.2.1,fiber,wave-1,lab;north\r\n")
            .Append($"lwm2m:urn:imei:{u},,,,,,,,,\r\n")
            .Append($"mqtt:sensor-{u},\"Multi, part\",Acme,S1,,,,,,\r\n")
            .ToString();
        Assert.Equal(3, (await a.ImportDevicesAsync(csv)).Created);

        var exported = await ExportAsync(a);
        Assert.Equal(4, exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header + 3 rows
        Assert.Contains("\"Lobby, \"\"west\"\" wing\"", exported, StringComparison.Ordinal);
        foreach (var d in (await a.ListDevicesAsync()).Items)
        {
            await a.DeleteDeviceAsync(d.Id); // identities are unique system-wide: free them for tenant B
        }

        Assert.Equal(3, (await b.ImportDevicesAsync(exported)).Created);
        Assert.Equal(exported, await ExportAsync(b));
        var lobby = (await b.ListDevicesAsync(q: "lobby")).Items.Single();
        Assert.Equal(("Lobby, \"west\" wing", "fiber", "wave-1"), (lobby.Name, lobby.ProvisionGroup, lobby.UpdateGroup));
        Assert.Equal(["lab", "north"], lobby.Tags);
        Assert.Equal(2, lobby.Identities.Count);
    }

    [Fact]
    public async Task Importing_again_updates_by_identity_instead_of_duplicating()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var u = DevicesTests.Unique();
        await op.ImportDevicesAsync($"identities,name,model\ntr069:{u},First,M1\n");
        var again = await op.ImportDevicesAsync($"identities,model,tags\n\"tr069:{u};ping:{u}.example\",M2,x\n");
        Assert.Equal((0, 1), (again.Created, again.Updated));
        var d = (await op.ListDevicesAsync()).Items.Single();
        Assert.Equal(("First", "M2"), (d.Name, d.Model));
        Assert.Equal(["x"], d.Tags);
        Assert.Equal(2, d.Identities.Count);
    }

    [Fact]
    public async Task A_bad_row_rejects_the_whole_import_naming_line_and_column()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var u = DevicesTests.Unique();
        var csv = $"identities,name,tags\ntr069:a-{u},good,\ntr069:b-{u},also good,ok;fine\ntr069:c-{u},bad,\"has space\"\n";
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => op.ImportDevicesAsync(csv));
        Assert.Equal(400, e.Status);
        Assert.Contains("Line 4, column 3 (tags)", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await op.ListDevicesAsync()).Total);

        e = await Assert.ThrowsAsync<QdmsApiException>(() => op.ImportDevicesAsync($"identities,name\ntr069:d-{u},x\nnot-an-identity,y\n"));
        Assert.Contains("Line 3, column 1 (identities)", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<QdmsApiException>(() => op.ImportDevicesAsync($"identities,colour\ntr069:e-{u},red\n"));
        Assert.Contains("Line 1, column 2: unknown column 'colour'", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<QdmsApiException>(() => op.ImportDevicesAsync($"identities,name\ntr069:f-{u},\"unclosed\n"));
        Assert.Contains("Line 2, column 2", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<QdmsApiException>(() => op.ImportDevicesAsync($"identities,name\ntr069:g-{u}\n"));
        Assert.Contains("Line 2: expected 2 columns", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await op.ListDevicesAsync()).Total);
    }

    [Fact]
    public async Task Export_applies_the_list_filters()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var u = DevicesTests.Unique();
        await op.ImportDevicesAsync($"identities,tags\ntr069:keep-{u},pick\ntr069:drop-{u},\n");
        var text = await ExportAsync(op, tag: "pick");
        Assert.Contains($"keep-{u}", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"drop-{u}", text, StringComparison.Ordinal);
    }
}

public sealed class SqliteDevicesCsvTests(SqliteApp app) : DevicesCsvTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDevicesCsvTests(PostgresApp app) : DevicesCsvTests(app), IClassFixture<PostgresApp>;
