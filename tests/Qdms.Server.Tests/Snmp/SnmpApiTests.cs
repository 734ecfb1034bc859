using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Core.Security;
using Qdms.Core.Snmp;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Snmp;

/// <summary>SNMP devices, settings, profiles and assignments through the API: validation, secrets, tenants.</summary>
public abstract class SnmpApiTests(QdmsAppFactory app)
{
    private static int _port = Random.Shared.Next(20_000, 40_000);

    /// <summary>A port no other test uses, so each device's identity (snmp:127.0.0.1:port) is its own.</summary>
    public static int NextPort() => Interlocked.Increment(ref _port);

    private static async Task<QdmsApiException> Fails(int status, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<QdmsApiException>(call);
        Assert.True(e.Status == status, $"expected {status}, got {e.Status}: {e.Message}");
        return e;
    }

    [Fact]
    public async Task A_device_created_in_one_call_has_its_identity_settings_and_profiles_and_never_shows_its_community()
    {
        var admin = await app.AdminAsync();
        var port = NextPort();
        var created = await admin.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "2c", port, "s3cret-community", Tags: ["core"], Profiles: ["mib2-system", "if-mib"]));

        Assert.Equal(("snmp", $"127.0.0.1:{port}"), (created.Device.Identities[0].Protocol, created.Device.Identities[0].Key));
        Assert.Equal(("127.0.0.1", port, "2c", true), (created.Snmp.Host, created.Snmp.Port, created.Snmp.Version, created.Snmp.CommunitySet));
        var assignments = (await admin.ListSnmpAssignmentsAsync()).Where(a => a.DeviceId == created.Device.Id).Select(a => a.Profile).Order();
        Assert.Equal(["if-mib", "mib2-system"], assignments);

        using var raw = await admin.Http.GetAsync($"api/v1/devices/{created.Device.Id}/snmp");
        Assert.DoesNotContain("s3cret", await raw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await admin.ListAuditAsync(size: 100);
        Assert.DoesNotContain(audit.Items, e => (e.Details ?? "").Contains("s3cret", StringComparison.Ordinal));

        // at rest: sealed, and it opens to the community with the server's key
        var stored = await app.Services.GetRequiredService<ISnmpDeviceStore>().GetAsync(created.Device.Id, TenantScope.All, default);
        Assert.StartsWith("v1:", stored!.SealedCommunity, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stored.SealedCommunity, StringComparison.Ordinal);
        Assert.Equal("s3cret-community", app.Services.GetRequiredService<SecretBox>().Open(stored.SealedCommunity!, SnmpDeviceService.CommunityPurpose));
    }

    [Fact]
    public async Task Settings_written_without_a_secret_keep_the_stored_one_and_an_empty_one_removes_it()
    {
        var admin = await app.AdminAsync();
        var d = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "cpe-" + Guid.NewGuid().ToString("N"))]));
        var port = NextPort();
        await admin.PutSnmpSettingsAsync(d.Id, new SnmpSettingsRequest("127.0.0.1", port, "3", User: new SnmpUserRequest("ops", "sha256", "auth-pass-1", "aes256", "priv-pass-1")));

        var moved = await admin.PutSnmpSettingsAsync(d.Id, new SnmpSettingsRequest(Port: port + 10_000));
        Assert.Equal(("3", "ops", "sha256", true, "aes256", true), (moved.Version, moved.User!.Name, moved.User.AuthProtocol, moved.User.AuthPasswordSet, moved.User.PrivProtocol, moved.User.PrivPasswordSet));
        var device = await admin.GetDeviceAsync(d.Id);
        Assert.Contains(device.Identities, i => i.Protocol == "snmp" && i.Key == $"127.0.0.1:{port + 10_000}");
        Assert.DoesNotContain(device.Identities, i => i.Protocol == "snmp" && i.Key == $"127.0.0.1:{port}");
        Assert.Contains(device.Identities, i => i.Protocol == "tr069");

        var noPriv = await admin.PutSnmpSettingsAsync(d.Id, new SnmpSettingsRequest(User: new SnmpUserRequest("ops", PrivProtocol: "none", PrivPassword: "")));
        Assert.Equal(("none", false, true), (noPriv.User!.PrivProtocol, noPriv.User.PrivPasswordSet, noPriv.User.AuthPasswordSet));

        await admin.DeleteSnmpSettingsAsync(d.Id);
        await Fails(404, () => admin.GetSnmpSettingsAsync(d.Id));
        Assert.DoesNotContain((await admin.GetDeviceAsync(d.Id)).Identities, i => i.Protocol == "snmp");
    }

    [Theory]
    [InlineData("""{"host": "router.example", "version": "2c", "community": "x"}""", "host")]
    [InlineData("""{"host": "127.0.0.1", "version": "4", "community": "x"}""", "version")]
    [InlineData("""{"host": "127.0.0.1", "version": "2c"}""", "community")]
    [InlineData("""{"host": "127.0.0.1", "port": 70000, "version": "2c", "community": "x"}""", "port")]
    [InlineData("""{"host": "127.0.0.1", "version": "3"}""", "user.name")]
    [InlineData("""{"host": "127.0.0.1", "version": "3", "user": {"name": "u", "privProtocol": "aes", "privPassword": "12345678"}}""", "user.privProtocol")]
    [InlineData("""{"host": "127.0.0.1", "version": "3", "user": {"name": "u", "authProtocol": "sha", "authPassword": "short"}}""", "user.authPassword")]
    [InlineData("""{"host": "127.0.0.1", "version": "3", "user": {"name": "u", "authProtocol": "sha999", "authPassword": "long-enough"}}""", "user.authProtocol")]
    [InlineData("""{"host": "127.0.0.1", "version": "2c", "community": "x", "engineId": "zz"}""", "engineId")]
    public async Task Bad_settings_are_a_400_naming_the_field(string body, string field)
    {
        var admin = await app.AdminAsync();
        var d = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "cpe-" + Guid.NewGuid().ToString("N"))]));
        using var response = await admin.Http.PutAsync($"api/v1/devices/{d.Id}/snmp", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
        await Fails(404, () => admin.GetSnmpSettingsAsync(d.Id));
    }

    [Fact]
    public async Task A_second_device_at_the_same_address_and_port_is_a_409_and_a_failed_create_leaves_no_device()
    {
        var admin = await app.AdminAsync();
        var port = NextPort();
        await admin.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "2c", port, "public"));
        await Fails(409, () => admin.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "1", port, "public")));

        var other = NextPort();
        var e = await Fails(400, () => admin.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "2c", other, "public", Profiles: ["no-such-profile"])));
        Assert.Contains("no-such-profile", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await admin.ListDevicesAsync(q: $"127.0.0.1:{other}")).Total);
    }

    [Fact]
    public async Task Another_tenants_device_is_a_404_on_every_snmp_route()
    {
        var (owner, _, _) = await app.TenantUserAsync("admin");
        var (intruder, _, _) = await app.TenantUserAsync("admin");
        var d = (await owner.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "2c", NextPort(), "public"))).Device;

        await Fails(404, () => intruder.GetSnmpSettingsAsync(d.Id));
        await Fails(404, () => intruder.PutSnmpSettingsAsync(d.Id, new SnmpSettingsRequest("127.0.0.2", 161, "2c", "mine")));
        await Fails(404, () => intruder.DeleteSnmpSettingsAsync(d.Id));
        await Fails(404, () => intruder.AssignSnmpProfileAsync(new SnmpAssignmentRequest("mib2-system", DeviceId: d.Id)));
        Assert.Equal("127.0.0.1", (await owner.GetSnmpSettingsAsync(d.Id)).Host);
    }

    [Fact]
    public async Task Profiles_are_per_tenant_built_ins_are_read_only_and_duplicates_conflict()
    {
        var (a, _, _) = await app.TenantUserAsync("operator");
        var (b, _, _) = await app.TenantUserAsync("operator");
        var request = new SnmpProfileRequest("edge", 30, [new SnmpObjectDto("1.3.6.1.2.1.1.3.0", "uptime", "snmp.uptime_s", "gauge", 0.01)],
            [new SnmpTableDto("if", [new SnmpObjectDto(".1.3.6.1.2.1.2.2.1.10", "ifInOctets", "in_bps", "rate", 8)])]);
        var created = await a.CreateSnmpProfileAsync(request);
        Assert.Equal(("edge", "1.3.6.1.2.1.2.2.1.10", "rate"), (created.Name, created.Tables[0].Columns[0].Oid, created.Tables[0].Columns[0].Kind));
        await Fails(409, () => a.CreateSnmpProfileAsync(request));
        await b.CreateSnmpProfileAsync(request); // the same name in another tenant is another profile

        var listed = await a.ListSnmpProfilesAsync();
        Assert.Equal(["edge", "host-resources", "if-mib", "mib2-system"], listed.Select(p => p.Name).Order());
        Assert.True(listed.Single(p => p.Name == "if-mib").BuiltIn);

        await Fails(400, () => a.CreateSnmpProfileAsync(request with { Name = "if-mib" }));
        await Fails(422, () => a.UpdateSnmpProfileAsync("if-mib", request));
        await Fails(422, () => a.DeleteSnmpProfileAsync("mib2-system"));
        var e = await Fails(400, () => a.CreateSnmpProfileAsync(request with { Name = "bad", Scalars = [new SnmpObjectDto("1.3.x", "n")] }));
        Assert.True(e.Errors!.ContainsKey("scalars[0].oid"));
        await Fails(400, () => a.CreateSnmpProfileAsync(request with { Name = "bad", IntervalSeconds = 0 }));
        await Fails(400, () => a.CreateSnmpProfileAsync(request with { Name = "bad", Scalars = [new SnmpObjectDto("1.3.6.1", "n", "Bad Metric", "gauge")] }));

        var updated = await a.UpdateSnmpProfileAsync("edge", request with { IntervalSeconds = 120 });
        Assert.Equal(120, (await a.GetSnmpProfileAsync("edge")).IntervalSeconds);
        Assert.Equal(120, updated.IntervalSeconds);
        Assert.Equal(30, (await b.GetSnmpProfileAsync("edge")).IntervalSeconds);

        await a.DeleteSnmpProfileAsync("edge");
        await Fails(404, () => a.GetSnmpProfileAsync("edge"));
        Assert.Equal(30, (await b.GetSnmpProfileAsync("edge")).IntervalSeconds);
    }

    [Fact]
    public async Task Profiles_are_assigned_to_devices_and_tags_once_and_unassigned_within_the_tenant()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        var (other, _, _) = await app.TenantUserAsync("operator");
        var d = (await op.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "2c", NextPort(), "public"))).Device;

        var byDevice = await op.AssignSnmpProfileAsync(new SnmpAssignmentRequest("if-mib", DeviceId: d.Id));
        var byTag = await op.AssignSnmpProfileAsync(new SnmpAssignmentRequest("host-resources", Tag: "servers"));
        Assert.Equal((d.Id, (string?)null), (byDevice.DeviceId, byDevice.Tag));
        Assert.Equal(((long?)null, "servers"), (byTag.DeviceId, byTag.Tag));
        await Fails(409, () => op.AssignSnmpProfileAsync(new SnmpAssignmentRequest("if-mib", DeviceId: d.Id)));
        await Fails(409, () => op.AssignSnmpProfileAsync(new SnmpAssignmentRequest("host-resources", Tag: "servers")));
        await Fails(400, () => op.AssignSnmpProfileAsync(new SnmpAssignmentRequest("nope", Tag: "servers")));
        await Fails(400, () => op.AssignSnmpProfileAsync(new SnmpAssignmentRequest("if-mib")));
        await Fails(400, () => op.AssignSnmpProfileAsync(new SnmpAssignmentRequest("if-mib", Tag: "bad tag!")));

        Assert.Empty(await other.ListSnmpAssignmentsAsync());
        await Fails(404, () => other.UnassignSnmpProfileAsync(byTag.Id));
        await op.UnassignSnmpProfileAsync(byTag.Id);
        Assert.Equal([byDevice.Id], (await op.ListSnmpAssignmentsAsync()).Select(a => a.Id));

        await (await app.AdminAsync()).DeleteDeviceAsync(d.Id);
        Assert.Empty(await op.ListSnmpAssignmentsAsync()); // gone with the device
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_write_snmp_settings_or_profiles()
    {
        var (viewer, tenant, _) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var d = (await admin.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "2c", NextPort(), "public", TenantId: tenant.Id))).Device;
        Assert.True((await viewer.GetSnmpSettingsAsync(d.Id)).CommunitySet);
        await Fails(403, () => viewer.PutSnmpSettingsAsync(d.Id, new SnmpSettingsRequest(Community: "x")));
        await Fails(403, () => viewer.CreateSnmpProfileAsync(new SnmpProfileRequest("p", 60, [new SnmpObjectDto("1.3.6.1.2.1.1.5.0", "sysName")])));
        Assert.Equal(3, (await viewer.ListSnmpProfilesAsync()).Count);
    }
}

public sealed class SqliteSnmpApiTests(SqliteApp app) : SnmpApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSnmpApiTests(PostgresApp app) : SnmpApiTests(app), IClassFixture<PostgresApp>;
