using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Contracts;
using Qdms.Engines.Tr069;
using Qdms.Engines.Tr069.ConnectionRequests;
using Qdms.Protocols.Xmpp;
using Qdms.Server.Tests.Support;
using Qdms.Testing;
using Qdms.Tools.CpeSim;
using Xunit.Abstractions;

namespace Qdms.Server.Tests.Tr069;

/// <summary>
/// Connection requests over XMPP (TR-069 Annex K) end to end: the engine on loopback signed in to a real Prosody as the ACS,
/// a simulated CPE signed in to the same server with its own account, the engine's XMPP channel sending the request.
/// </summary>
public abstract class Tr069XmppTests(QdmsAppFactory app, ProsodyServer prosody, ITestOutputHelper output)
{
    private const string ConnectionRequestPassword = "cr-secret";

    [Fact]
    public async Task An_xmpp_connection_request_makes_the_cpe_open_a_session_with_6_connection_request()
    {
        var (acsJid, acsPassword) = prosody.NewAccount("acs");
        using var acs = await AcsUnderTest.StartAsync(app, XmppConfig(acsJid, acsPassword));
        var cpe = acs.Cpe();
        await using var listener = await ListenAsync(cpe);
        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
        var device = await acs.DeviceOfAsync(cpe);
        var jabberId = Assert.Single(await acs.Admin.ListParametersAsync(device.Id, "Device.ManagementServer.ConnReqJabberID")).Value;
        Assert.Equal(listener.Jid.ToString(), jabberId);
        var channel = Channel(acs);
        var target = new ConnectionRequestTarget(device.Id, null, jabberId, "cr", ConnectionRequestPassword);
        Assert.True(channel.CanReach(target));
        Assert.False(channel.CanReach(target with { JabberId = null }));

        var clock = Stopwatch.StartNew();
        await channel.SendAsync(target, default);
        var outcomes = await listener.Sessions.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"connection request accepted and session done {clock.Elapsed.TotalMilliseconds:F0} ms after SendAsync");

        Assert.True(Assert.Single(outcomes).Completed, outcomes[0].Error);
        Assert.Equal(["6 CONNECTION REQUEST"], cpe.Informs.Last());
        var events = await acs.Admin.ListEventsAsync(deviceId: device.Id, type: "6 CONNECTION REQUEST");
        Assert.Equal("tr069", Assert.Single(events.Items).Source);
        var engine = await acs.Admin.GetEngineAsync("tr069", acs.Index);
        Assert.Equal($"signed-in as {acsJid}/", engine.Details["xmpp"][..($"signed-in as {acsJid}/".Length)]);
        Assert.DoesNotContain(acsPassword, engine.Config.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_queued_with_connectionRequest_true_wakes_a_cpe_with_a_jabber_id_over_xmpp_and_completes()
    {
        var (acsJid, acsPassword) = prosody.NewAccount("acs");
        var config = new Dictionary<string, object>
        {
            ["xmppServer"] = $"127.0.0.1:{prosody.Port}",
            ["xmppJid"] = acsJid,
            ["xmppPassword"] = acsPassword,
            ["xmppTlsThumbprint"] = prosody.CertificateThumbprint,
            ["connectionRequestUsername"] = "cr",
            ["connectionRequestPassword"] = ConnectionRequestPassword,
        };
        using var acs = await AcsUnderTest.StartAsync(app, config);
        var cpe = acs.Cpe();
        await using var listener = await ListenAsync(cpe);
        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
        var device = await acs.DeviceOfAsync(cpe);
        await StatusAsync(acs, s => s.StartsWith("signed-in as ", StringComparison.Ordinal));

        var clock = Stopwatch.StartNew();
        var task = await acs.Admin.CreateTaskAsync(
            device.Id, new CreateTaskRequest("get", JsonSerializer.SerializeToElement(new { path = "Device.DeviceInfo.UpTime" })), connectionRequest: true);
        Assert.Equal(("xmpp", "sent", null), (task.ConnectionRequest!.Channel, task.ConnectionRequest.Status, task.ConnectionRequest.Error));
        var outcomes = await listener.Sessions.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"task queued with ?connectionRequest=true; the CPE's session done {clock.Elapsed.TotalMilliseconds:F0} ms later");

        Assert.True(Assert.Single(outcomes).Completed, outcomes[0].Error);
        Assert.Equal(["6 CONNECTION REQUEST"], cpe.Informs.Last());
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(task.Id)).Status);
    }

    [Fact]
    public async Task Wrong_connection_request_credentials_come_back_as_not_authorized_and_start_no_session()
    {
        var (acsJid, acsPassword) = prosody.NewAccount("acs");
        using var acs = await AcsUnderTest.StartAsync(app, XmppConfig(acsJid, acsPassword));
        var cpe = acs.Cpe();
        await using var listener = await ListenAsync(cpe);
        var channel = Channel(acs);

        var error = await Assert.ThrowsAsync<ConnectionRequestException>(() =>
            channel.SendAsync(new ConnectionRequestTarget(1, null, listener.Jid.ToString(), "cr", "not-the-password"), default));

        Assert.Contains("not-authorized", error.Message, StringComparison.Ordinal);
        Assert.Equal("not-authorized", Assert.IsType<XmppIqErrorException>(error.InnerException).Condition);
        Assert.Equal(1, listener.Refused);
        Assert.False(listener.Sessions.TryRead(out _));
        Assert.Empty(cpe.Informs);
    }

    [Fact]
    public async Task A_cpe_jid_nobody_signed_in_with_is_service_unavailable()
    {
        var (acsJid, acsPassword) = prosody.NewAccount("acs");
        using var acs = await AcsUnderTest.StartAsync(app, XmppConfig(acsJid, acsPassword));

        var error = await Assert.ThrowsAsync<ConnectionRequestException>(() =>
            Channel(acs).SendAsync(new ConnectionRequestTarget(1, null, $"gone@{prosody.Domain}/cpe", "cr", "x"), default));

        Assert.Contains("service-unavailable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_acs_password_shows_as_an_xmpp_error_in_the_status_without_the_password()
    {
        var (acsJid, _) = prosody.NewAccount("acs");
        using var acs = await AcsUnderTest.StartAsync(app, XmppConfig(acsJid, "wrong-acs-password"));

        var status = await StatusAsync(acs, s => s.StartsWith("error:", StringComparison.Ordinal));

        Assert.StartsWith("error:", status, StringComparison.Ordinal);
        Assert.Contains("not-authorized", status, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-acs-password", status, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<ConnectionRequestException>(() =>
            Channel(acs).SendAsync(new ConnectionRequestTarget(1, null, $"cpe@{prosody.Domain}/x", "cr", "x"), default));
        Assert.Contains("not signed in to XMPP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_acs_session_is_kicked_off_the_channel_signs_in_again_and_requests_work()
    {
        var (acsJid, acsPassword) = prosody.NewAccount("acs");
        using var acs = await AcsUnderTest.StartAsync(app, XmppConfig(acsJid, acsPassword));
        var cpe = acs.Cpe();
        await using var listener = await ListenAsync(cpe);
        var first = await StatusAsync(acs, s => s.StartsWith("signed-in as ", StringComparison.Ordinal));

        // Another stream binding the ACS's full JID makes prosody end the older one with a <conflict/> stream error.
        await using var intruder = await XmppClient.ConnectAsync(new XmppClientOptions
        {
            Host = "127.0.0.1",
            Port = prosody.Port,
            Jid = Jid.Parse(acsJid),
            Password = acsPassword,
            Resource = Jid.Parse(first["signed-in as ".Length..]).Resource,
            PinnedCertificate = prosody.CertificateThumbprint,
        });
        var again = await StatusAsync(acs, s => s.StartsWith("signed-in as ", StringComparison.Ordinal) && s != first);

        Assert.NotEqual(first, again);
        await Channel(acs).SendAsync(new ConnectionRequestTarget(1, null, listener.Jid.ToString(), "cr", ConnectionRequestPassword), default);
        Assert.True(Assert.Single(await listener.Sessions.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Completed);
    }

    [Fact]
    public async Task Without_xmpp_settings_the_engine_has_no_xmpp_channel()
    {
        using var acs = await AcsUnderTest.StartAsync(app);

        Assert.DoesNotContain(Engine(acs).ConnectionRequestChannels, c => c.Name == "xmpp");
        Assert.False((await acs.Admin.GetEngineAsync("tr069", acs.Index)).Details.ContainsKey("xmpp"));
    }

    /// <summary>Polls the engine's <c>xmpp</c> status (through the API) until <paramref name="done"/> holds, for at most 15 s.</summary>
    private static async Task<string> StatusAsync(AcsUnderTest acs, Func<string, bool> done)
    {
        var status = "";
        var deadline = Stopwatch.StartNew();
        while (!done(status) && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(20); // poll interval while the channel signs in
            status = (await acs.Admin.GetEngineAsync("tr069", acs.Index)).Details["xmpp"];
        }

        return status;
    }

    private object XmppConfig(string jid, string password) => new
    {
        xmppServer = $"127.0.0.1:{prosody.Port}",
        xmppJid = jid,
        xmppPassword = password,
        xmppTlsThumbprint = prosody.CertificateThumbprint,
    };

    private async Task<XmppConnectionRequestListener> ListenAsync(SimulatedCpe cpe)
    {
        cpe.Model.Find("Device.ManagementServer.ConnectionRequestPassword")!.Value = ConnectionRequestPassword;
        var (jid, password) = prosody.NewAccount("cpe");
        return await XmppConnectionRequestListener.StartAsync(cpe, new XmppClientOptions
        {
            Host = "127.0.0.1",
            Port = prosody.Port,
            Jid = Jid.Parse(jid),
            Password = password,
            Resource = cpe.Serial,
            PinnedCertificate = prosody.CertificateThumbprint,
        }, default);
    }

    private Tr069Engine Engine(AcsUnderTest acs) =>
        app.Services.GetRequiredService<Tr069Services>().Engines.Find(acs.Index) ?? throw new InvalidOperationException($"engine {acs.Index} is not running");

    private IConnectionRequestChannel Channel(AcsUnderTest acs) => Assert.Single(Engine(acs).ConnectionRequestChannels, c => c.Name == "xmpp");
}

public sealed class SqliteTr069XmppTests(SqliteApp app, ProsodyServer prosody, ITestOutputHelper output)
    : Tr069XmppTests(app, prosody, output), IClassFixture<SqliteApp>, IClassFixture<ProsodyServer>;

public sealed class PostgresTr069XmppTests(PostgresApp app, ProsodyServer prosody, ITestOutputHelper output)
    : Tr069XmppTests(app, prosody, output), IClassFixture<PostgresApp>, IClassFixture<ProsodyServer>;
