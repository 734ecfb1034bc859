using System.Net;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;
using Qdms.Tools.CpeSim;
using static Qdms.Server.Tests.Tr069.CpeAuthKit;

namespace Qdms.Server.Tests.Tr069;

/// <summary>CPE authentication (none, Basic, Digest) and tenant placement, the engine on loopback and the simulator against it.</summary>
public abstract class Tr069AuthTests(QdmsAppFactory app)
{
    [Theory]
    [InlineData("SHA-256")]
    [InlineData("MD5")]
    public async Task A_registered_cpe_opens_sessions_with_digest(string algorithm)
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "digest" });
        var user = NewUser();
        var cpe = acs.Cpe(Challenged(acs.Url, user, "right-password", algorithm));
        var device = await RegisterAsync(acs.Admin, cpe, user, "right-password");

        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
        Assert.True(Assert.Single(await cpe.PeriodicInformAsync(default)).Completed); // the kept nonce, up front

        Assert.Equal(algorithm, cpe.DigestAlgorithm);
        var seen = await acs.Admin.GetDeviceAsync(device.Id);
        Assert.NotNull(seen.LastContactAt);
        Assert.Contains((await acs.Admin.ListEventsAsync(deviceId: device.Id)).Items, e => e.Type == "2 PERIODIC");
        Assert.Equal(0, await AuthFailuresAsync(acs));
    }

    [Fact]
    public async Task A_wrong_password_is_answered_401_with_a_fresh_challenge_and_opens_nothing()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "digest" });
        var user = NewUser();
        var cpe = acs.Cpe(Challenged(acs.Url, user, "wrong-password"));
        var device = await RegisterAsync(acs.Admin, cpe, user, "right-password");
        var stranger = acs.Cpe(Challenged(acs.Url, NewUser(), "whatever-password"));

        var outcome = Assert.Single(await cpe.BootAsync(default));
        var strangerOutcome = Assert.Single(await stranger.BootAsync(default));

        Assert.Equal((false, 401), (outcome.Completed, outcome.HttpStatus));
        Assert.Equal((false, 401), (strangerOutcome.Completed, strangerOutcome.HttpStatus));
        Assert.Null((await acs.Admin.GetDeviceAsync(device.Id)).LastContactAt);
        Assert.Empty((await acs.Admin.ListEventsAsync(deviceId: device.Id)).Items);
        Assert.Equal(0, (await acs.Admin.ListDevicesAsync(q: stranger.Serial)).Total); // an unknown CPE creates no device
        Assert.Equal(2, await AuthFailuresAsync(acs));

        using var first = await InformAsync(acs.Url, "FRESH1");
        using var second = await InformAsync(acs.Url, "FRESH1");
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(["SHA-256", "MD5"], first.Headers.WwwAuthenticate.Select(h => h.Parameter!.Contains("algorithm=SHA-256", StringComparison.Ordinal) ? "SHA-256" : "MD5"));
        Assert.NotEqual(Challenges(first)["MD5"]["nonce"], Challenges(second)["MD5"]["nonce"]);
    }

    [Fact]
    public async Task Basic_mode_accepts_basic_on_every_request_and_digest_mode_refuses_basic()
    {
        using var basic = await AcsUnderTest.StartAsync(app, new { cpeAuth = "basic" });
        using var digest = await AcsUnderTest.StartAsync(app, new { cpeAuth = "digest" });
        var user = NewUser();
        var cpe = basic.Cpe(new CpeOptions(basic.Url, user, "right-password")); // the quirk: Basic up front on every request
        await RegisterAsync(basic.Admin, cpe, user, "right-password");
        var wrong = basic.Cpe(new CpeOptions(basic.Url, user, "wrong-password"));

        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
        Assert.Equal(401, Assert.Single(await wrong.BootAsync(default)).HttpStatus);
        Assert.Equal(1, await AuthFailuresAsync(basic));

        using var refused = await InformAsync(digest.Url, "B1", new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:right-password"))));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.All(refused.Headers.WwwAuthenticate, h => Assert.Equal("Digest", h.Scheme));
    }

    [Fact]
    public async Task Credentials_set_through_the_device_route_serve_basic_but_not_digest()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "basic" });
        var user = NewUser();
        var cpe = acs.Cpe(new CpeOptions(acs.Url, user, "device-route-pw"));
        var device = await acs.Admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", cpe.Identity)], Credentials: new DeviceCredentialsDto(user, "device-route-pw")));

        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed); // checked against the PBKDF2 hash
        Assert.True(Assert.Single(await cpe.PeriodicInformAsync(default)).Completed); // the cached verdict
        Assert.False((await acs.Admin.GetCpeAuthAsync(device.Id)).DigestReady);

        await acs.Admin.PutCpeAuthAsync(device.Id, new CpeAuthRequest("digest"));
        var digest = acs.Cpe(Challenged(acs.Url, user, "device-route-pw"));
        Assert.Equal(401, (await digest.SessionAsync([new("2 PERIODIC")], default)).HttpStatus); // no sealed password to check Digest with

        // the password set again through the CPE route, then changed through the device route: the sealed copy is no longer used
        await acs.Admin.PutCpeAuthAsync(device.Id, new CpeAuthRequest(null, new DeviceCredentialsDto(user, "device-route-pw")));
        Assert.True((await acs.Admin.GetCpeAuthAsync(device.Id)).DigestReady);
        await acs.Admin.UpdateDeviceAsync(device.Id, new UpdateDeviceRequest(Credentials: new DeviceCredentialsDto(user, "another-password")));
        Assert.False((await acs.Admin.GetCpeAuthAsync(device.Id)).DigestReady);
    }

    [Fact]
    public async Task Mode_none_places_new_cpes_in_the_engines_tenant()
    {
        var (tenantUser, tenant, _) = await app.TenantUserAsync("viewer");
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "none", tenant = tenant.Name });
        var cpe = acs.Cpe();

        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);

        var device = await acs.DeviceOfAsync(cpe);
        Assert.Equal(tenant.Id, device.TenantId);
        Assert.Equal(device.Id, Assert.Single((await tenantUser.ListDevicesAsync(q: cpe.Serial)).Items).Id);
    }

    [Fact]
    public async Task A_device_mode_wins_over_its_tenants_and_a_tenant_mode_over_the_engines()
    {
        var (tenantAdmin, tenant, _) = await app.TenantUserAsync("admin");
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "none", tenant = tenant.Name });
        await tenantAdmin.PutTenantCpeAuthAsync(tenant.Id, new TenantCpeAuthRequest("digest"));
        var open = acs.Cpe();
        var unknown = acs.Cpe();
        var openDevice = await tenantAdmin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", open.Identity)]));
        await tenantAdmin.PutCpeAuthAsync(openDevice.Id, new CpeAuthRequest("none"));

        Assert.True(Assert.Single(await open.BootAsync(default)).Completed); // the device's none beats the tenant's digest
        Assert.Equal(401, Assert.Single(await unknown.BootAsync(default)).HttpStatus); // the tenant's digest beats the engine's none
        Assert.Equal(0, (await acs.Admin.ListDevicesAsync(q: unknown.Serial)).Total);

        await tenantAdmin.PutTenantCpeAuthAsync(tenant.Id, new TenantCpeAuthRequest("inherit"));
        Assert.True(Assert.Single(await unknown.BootAsync(default)).Completed); // the engine's none again
    }

    [Fact]
    public async Task A_cpe_lands_in_its_credentials_tenant_and_is_invisible_to_other_tenants()
    {
        var (operatorA, tenantA, _) = await app.TenantUserAsync("operator");
        var (userB, _, _) = await app.TenantUserAsync("admin");
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "digest" }); // new CPEs would go to the default tenant
        var user = NewUser();
        var cpe = acs.Cpe(Challenged(acs.Url, user, "tenant-a-password"));
        var device = await RegisterAsync(operatorA, cpe, user, "tenant-a-password");

        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);

        var seen = Assert.Single((await operatorA.ListDevicesAsync(q: cpe.Serial)).Items);
        Assert.Equal((device.Id, tenantA.Id), (seen.Id, seen.TenantId));
        Assert.NotNull(seen.LastContactAt);
        Assert.Equal(0, (await userB.ListDevicesAsync(q: cpe.Serial)).Total);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => userB.GetDeviceAsync(device.Id))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => userB.GetCpeAuthAsync(device.Id))).Status);
    }

    [Fact]
    public async Task A_device_registered_without_its_serial_takes_the_identity_of_its_first_authenticated_inform()
    {
        var (operatorA, tenantA, _) = await app.TenantUserAsync("operator");
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "digest" });
        var user = NewUser();
        var cpe = acs.Cpe(Challenged(acs.Url, user, "claim-password"));
        var device = await operatorA.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("snmp", $"192.0.2.{Random.Shared.Next(1, 250)}:{Random.Shared.Next(1000, 60000)}")]));
        await operatorA.PutCpeAuthAsync(device.Id, new CpeAuthRequest(null, new DeviceCredentialsDto(user, "claim-password")));

        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);

        var claimed = await operatorA.GetDeviceAsync(device.Id);
        Assert.Equal(tenantA.Id, claimed.TenantId);
        Assert.Contains(claimed.Identities, i => i.Protocol == "tr069" && i.Key == cpe.Identity);
    }

    [Fact]
    public async Task Credentials_of_another_device_are_refused_with_403()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "digest" });
        var user = NewUser();
        var owner = acs.Cpe(Challenged(acs.Url, user, "owner-password"));
        await RegisterAsync(acs.Admin, owner, user, "owner-password");
        var impostor = acs.Cpe(Challenged(acs.Url, user, "owner-password")); // right password, another serial
        var registered = acs.Cpe(Challenged(acs.Url, user, "owner-password"));
        await RegisterAsync(acs.Admin, registered, NewUser(), "its-own-password");

        Assert.Equal(403, Assert.Single(await impostor.BootAsync(default)).HttpStatus);
        Assert.Equal(403, Assert.Single(await registered.BootAsync(default)).HttpStatus);

        Assert.Equal(0, (await acs.Admin.ListDevicesAsync(q: impostor.Serial)).Total);
        Assert.Equal(2, await AuthFailuresAsync(acs));
        Assert.True(Assert.Single(await owner.BootAsync(default)).Completed);
    }

    [Fact]
    public async Task An_expired_nonce_is_answered_stale_and_the_cpe_retries_with_a_fresh_one()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "digest", nonceLifetimeSeconds = 1 });
        var user = NewUser();
        var cpe = acs.Cpe(Challenged(acs.Url, user, "stale-password"));
        await RegisterAsync(acs.Admin, cpe, user, "stale-password");
        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);

        // the CPE keeps its nonce and sends it up front; sessions go on until one meets it expired (poll with a deadline)
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (cpe.StaleNonces == 0 && DateTime.UtcNow < deadline)
        {
            Assert.True(Assert.Single(await cpe.PeriodicInformAsync(default)).Completed);
            await Task.Delay(100);
        }

        Assert.True(cpe.StaleNonces > 0, "the ACS never answered stale=true");
        Assert.Equal(0, await AuthFailuresAsync(acs));
    }

    [Fact]
    public async Task A_replayed_digest_answer_is_challenged_again_with_stale_true_while_a_repeated_nc_with_a_new_cnonce_passes()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "digest" });
        var user = NewUser();
        var device = await acs.Admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "00AA11-RawBox-REPLAY1")]));
        await acs.Admin.PutCpeAuthAsync(device.Id, new CpeAuthRequest(null, new DeviceCredentialsDto(user, "replay-password")));
        using var challenge = await InformAsync(acs.Url, "REPLAY1");
        var answer = DigestAnswer(Challenges(challenge)["SHA-256"], user, "replay-password", acs.Url.AbsolutePath);

        using var accepted = await InformAsync(acs.Url, "REPLAY1", answer);
        using var replayed = await InformAsync(acs.Url, "REPLAY1", answer);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("true", Challenges(replayed)["SHA-256"]["stale"]);
        var next = DigestAnswer(Challenges(challenge)["SHA-256"], user, "replay-password", acs.Url.AbsolutePath, nc: "00000001", cnonce: "another");
        using var tolerated = await InformAsync(acs.Url, "REPLAY1", next);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, tolerated.StatusCode); // nc 1 again with a new cnonce passes; the accepted Inform's session holds the device
    }

    [Fact]
    public async Task The_digest_of_dotnets_own_http_client_is_accepted()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "digest" });
        var user = NewUser();
        var device = await acs.Admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "00AA11-RawBox-DOTNET1")]));
        await acs.Admin.PutCpeAuthAsync(device.Id, new CpeAuthRequest(null, new DeviceCredentialsDto(user, "dotnet-password")));
        using var http = new HttpClient(new SocketsHttpHandler { Credentials = new NetworkCredential(user, "dotnet-password"), UseCookies = false });
        var content = new ByteArrayContent(RawCpe.Inform("DOTNET1"));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml");

        using var response = await http.PostAsync(acs.Url, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("InformResponse", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await acs.Admin.GetDeviceAsync(device.Id)).LastContactAt);
    }
}

public sealed class SqliteTr069AuthTests(SqliteApp app) : Tr069AuthTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTr069AuthTests(PostgresApp app) : Tr069AuthTests(app), IClassFixture<PostgresApp>;
