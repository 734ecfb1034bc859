using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Tr069;

/// <summary>The CPE authentication routes: roles, tenant scope, input errors, audit, and no password ever sent back.</summary>
public abstract class CpeAuthApiTests(QdmsAppFactory app)
{
    [Fact]
    public async Task A_password_goes_in_but_never_comes_out_of_the_api_or_the_audit_log()
    {
        var admin = await app.AdminAsync();
        var device = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "00AA11-RawBox-SECRET" + Guid.NewGuid().ToString("N")[..6])]));
        var user = CpeAuthKit.NewUser();
        const string password = "Sup3r-s3cret-CPE-pw";

        var put = await admin.PutCpeAuthAsync(device.Id, new CpeAuthRequest("digest", new DeviceCredentialsDto(user, password)));
        var get = await admin.GetCpeAuthAsync(device.Id);
        var shown = await admin.GetDeviceAsync(device.Id);
        var audit = await admin.ListAuditAsync(action: "tr069.cpe-auth");

        Assert.Equal(("digest", user, true), (get.Mode, get.Username, get.DigestReady));
        Assert.Equal(user, shown.CredentialsUsername);
        var entry = Assert.Single(audit.Items, a => a.Target == $"device/{device.Id}");
        Assert.Contains(user, entry.Details, StringComparison.Ordinal);
        foreach (var text in new[] { JsonSerializer.Serialize(put), JsonSerializer.Serialize(get), JsonSerializer.Serialize(shown), JsonSerializer.Serialize(audit) })
        {
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("v1:", text, StringComparison.Ordinal); // nor its sealed form
        }
    }

    [Fact]
    public async Task A_certificate_password_in_an_engine_config_is_masked()
    {
        var admin = await app.AdminAsync();
        var config = JsonSerializer.SerializeToElement(new { address = "127.0.0.1", port = 0, certificatePath = "/nowhere/acs.pfx", certificatePassword = "pfx-pass-XYZ" });
        var added = await admin.AddEngineAsync(new AddEngineRequest("tr069", "masked-" + Guid.NewGuid().ToString("N")[..6], config));

        var listed = JsonSerializer.Serialize(await admin.ListEnginesAsync());
        Assert.DoesNotContain("pfx-pass-XYZ", JsonSerializer.Serialize(added), StringComparison.Ordinal);
        Assert.DoesNotContain("pfx-pass-XYZ", listed, StringComparison.Ordinal);
        Assert.Contains("/nowhere/acs.pfx", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_whose_placement_tenant_does_not_exist_does_not_start()
    {
        var admin = await app.AdminAsync();
        var added = await admin.AddEngineAsync(new AddEngineRequest("tr069", "placed-" + Guid.NewGuid().ToString("N")[..6],
            JsonSerializer.SerializeToElement(new { address = "127.0.0.1", port = 0, cpeAuth = "none", tenant = "no-such-tenant" })));

        var started = Assert.Single(await admin.StartEngineAsync("tr069", added.Index));

        Assert.NotEqual("active", started.State);
        Assert.Contains("no-such-tenant", started.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_modes_and_credentials_are_400s_naming_the_field()
    {
        var admin = await app.AdminAsync();
        var device = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "00AA11-RawBox-BAD" + Guid.NewGuid().ToString("N")[..6])]));

        var mode = await Assert.ThrowsAsync<QdmsApiException>(() => admin.PutCpeAuthAsync(device.Id, new CpeAuthRequest("kerberos")));
        var colon = await Assert.ThrowsAsync<QdmsApiException>(() => admin.PutCpeAuthAsync(device.Id, new CpeAuthRequest(null, new DeviceCredentialsDto("a:b", "long-enough-pw"))));
        var quote = await Assert.ThrowsAsync<QdmsApiException>(() => admin.PutCpeAuthAsync(device.Id, new CpeAuthRequest(null, new DeviceCredentialsDto("a\"b", "long-enough-pw"))));
        var shortPw = await Assert.ThrowsAsync<QdmsApiException>(() => admin.PutCpeAuthAsync(device.Id, new CpeAuthRequest(null, new DeviceCredentialsDto("ab", "short"))));
        var tenantMode = await Assert.ThrowsAsync<QdmsApiException>(() => admin.PutTenantCpeAuthAsync(device.TenantId, new TenantCpeAuthRequest("sometimes")));
        var engine = await Assert.ThrowsAsync<QdmsApiException>(() => admin.AddEngineAsync(new AddEngineRequest("tr069", "bad-" + Guid.NewGuid().ToString("N")[..6],
            JsonSerializer.SerializeToElement(new { cpeAuth = "sometimes", nonceLifetimeSeconds = 0 }))));

        Assert.Equal((400, "mode"), (mode.Status, mode.Errors!.Keys.Single()));
        Assert.Equal((400, "credentials.username"), (colon.Status, colon.Errors!.Keys.Single()));
        Assert.Equal((400, "credentials.username"), (quote.Status, quote.Errors!.Keys.Single()));
        Assert.Equal((400, "credentials.password"), (shortPw.Status, shortPw.Errors!.Keys.Single()));
        Assert.Equal((400, "mode"), (tenantMode.Status, tenantMode.Errors!.Keys.Single()));
        Assert.Equal(400, engine.Status);
        Assert.Contains("cpeAuth", engine.Message + string.Join(" ", engine.Errors?.Values.SelectMany(v => v) ?? []), StringComparison.Ordinal);
        Assert.Equal("inherit", (await admin.GetCpeAuthAsync(device.Id)).Mode); // nothing was written
    }

    [Fact]
    public async Task Roles_and_tenants_bound_who_reads_and_writes()
    {
        var (viewer, tenantA, _) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var operatorA = await OtherUserAsync(admin, tenantA.Id, "operator");
        var (adminB, tenantB, _) = await app.TenantUserAsync("admin");
        var device = await operatorA.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "00AA11-RawBox-ROLE" + Guid.NewGuid().ToString("N")[..6])]));

        Assert.Equal("inherit", (await viewer.GetCpeAuthAsync(device.Id)).Mode);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => viewer.PutCpeAuthAsync(device.Id, new CpeAuthRequest("none")))).Status);
        Assert.Equal("basic", (await operatorA.PutCpeAuthAsync(device.Id, new CpeAuthRequest("basic"))).Mode);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => adminB.PutCpeAuthAsync(device.Id, new CpeAuthRequest("none")))).Status);

        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => operatorA.PutTenantCpeAuthAsync(tenantA.Id, new TenantCpeAuthRequest("basic")))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => adminB.GetTenantCpeAuthAsync(tenantA.Id))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => adminB.PutTenantCpeAuthAsync(tenantA.Id, new TenantCpeAuthRequest("none")))).Status);
        Assert.Equal("none", (await adminB.PutTenantCpeAuthAsync(tenantB.Id, new TenantCpeAuthRequest("none"))).Mode);
        Assert.Equal("digest", (await admin.PutTenantCpeAuthAsync(tenantA.Id, new TenantCpeAuthRequest("digest"))).Mode);
        Assert.Equal("digest", (await viewer.GetTenantCpeAuthAsync(tenantA.Id)).Mode);
        Assert.Contains((await admin.ListAuditAsync(action: "tr069.tenant-auth")).Items, a => a.Target == $"tenant/{tenantA.Id}" && a.Details == "mode=digest");

        using var anonymous = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/devices/{device.Id}/cwmp-auth")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/tenants/{tenantA.Id}/cwmp-auth")).StatusCode);
    }

    [Fact]
    public async Task The_cli_sets_and_shows_a_devices_credentials_and_a_tenants_mode()
    {
        var admin = await app.AdminAsync();
        var (_, tenant, _) = await app.TenantUserAsync("viewer");
        var device = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "00AA11-RawBox-CLI" + Guid.NewGuid().ToString("N")[..6])], TenantId: tenant.Id));
        using var cli = new CliRunner(app);
        Assert.Equal(0, (await cli.RunAsync("login", "--user", "admin", "--password", QdmsAppFactory.AdminPassword)).Exit);
        var user = CpeAuthKit.NewUser();
        var id = device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var set = await cli.RunAsync("cpe-auth", "device", id, "--mode", "digest", "--username", user, "--password", "cli-password-1", "--json");
        var show = await cli.RunAsync("cpe-auth", "device", id);
        var mode = await cli.RunAsync("cpe-auth", "tenant", tenant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--mode", "basic");

        Assert.True(set.Exit == 0, set.Output);
        Assert.Contains($"\"username\": \"{user}\"", set.Output, StringComparison.Ordinal);
        Assert.Contains("\"digestReady\": true", set.Output, StringComparison.Ordinal);
        Assert.Contains(user, show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("cli-password-1", set.Output + show.Output, StringComparison.Ordinal);
        Assert.True(mode.Exit == 0, mode.Output);
        Assert.Equal("basic", (await admin.GetTenantCpeAuthAsync(tenant.Id)).Mode);
    }

    private async Task<QdmsClient> OtherUserAsync(QdmsClient admin, long tenantId, string role)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        await admin.CreateUserAsync(new CreateUserRequest(name, "user-pass-123", role, tenantId));
        return await app.SignInAsync(name, "user-pass-123");
    }
}

public sealed class SqliteCpeAuthApiTests(SqliteApp app) : CpeAuthApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCpeAuthApiTests(PostgresApp app) : CpeAuthApiTests(app), IClassFixture<PostgresApp>;
