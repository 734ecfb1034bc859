using System.Xml.Linq;
using Qdms.Testing;

namespace Qdms.Protocols.Xmpp.Tests;

/// <summary>The client against a real Prosody on loopback (tests/peers/prosody.sh): sign-in, TLS, iqs between two clients.</summary>
public sealed class XmppClientTests(ProsodyServer prosody) : IClassFixture<ProsodyServer>
{
    private static readonly XNamespace Test = "urn:qdms:test";

    [Fact]
    public async Task Scram_sign_in_over_starttls_with_the_pinned_certificate_binds_the_asked_resource()
    {
        var (jid, password) = prosody.NewAccount("scram");

        await using var client = await XmppClient.ConnectAsync(Options(jid, password) with { Resource = "box-1" });

        Assert.Equal(jid + "/box-1", client.BoundJid.ToString());
        Assert.Equal(SaslMechanisms.ScramSha1, client.Mechanism);
        Assert.True(client.IsEncrypted);
    }

    [Fact]
    public async Task Scram_sign_in_works_on_plain_tcp_when_tls_is_turned_off()
    {
        var (jid, password) = prosody.NewAccount("plaintcp");

        await using var client = await XmppClient.ConnectAsync(Options(jid, password) with { Tls = TlsPolicy.Never });

        Assert.False(client.IsEncrypted);
        Assert.Equal(SaslMechanisms.ScramSha1, client.Mechanism);
        Assert.True(client.BoundJid.IsFull);
    }

    [Fact]
    public async Task Plain_sign_in_over_starttls_works_with_the_sha256_pin()
    {
        var (jid, password) = prosody.NewAccount("plain");

        await using var client = await XmppClient.ConnectAsync(Options(jid, password) with
        {
            Mechanisms = [SaslMechanisms.Plain],
            PinnedCertificate = prosody.CertificateSha256,
        });

        Assert.Equal(SaslMechanisms.Plain, client.Mechanism);
        Assert.True(client.IsEncrypted);
    }

    [Theory]
    [InlineData(SaslMechanisms.ScramSha1)]
    [InlineData(SaslMechanisms.Plain)]
    public async Task A_wrong_password_fails_with_the_not_authorized_condition(string mechanism)
    {
        var (jid, _) = prosody.NewAccount("wrong");

        var error = await Assert.ThrowsAsync<XmppAuthenticationException>(() =>
            XmppClient.ConnectAsync(Options(jid, "not-the-password") with { Mechanisms = [mechanism] }));

        Assert.Equal("not-authorized", error.Condition);
        Assert.Contains("wrong user name or password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_signed_certificate_that_is_not_pinned_is_refused()
    {
        var (jid, password) = prosody.NewAccount("nopin");

        var error = await Assert.ThrowsAsync<XmppTlsException>(() => XmppClient.ConnectAsync(Options(jid, password) with { PinnedCertificate = null }));

        Assert.Contains("TLS with the XMPP server failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_pin_is_refused_and_disabling_validation_accepts_any_certificate()
    {
        var (jid, password) = prosody.NewAccount("pin");

        await Assert.ThrowsAsync<XmppTlsException>(() => XmppClient.ConnectAsync(Options(jid, password) with { PinnedCertificate = new string('A', 40) }));
        await using var client = await XmppClient.ConnectAsync(Options(jid, password) with { PinnedCertificate = null, DisableCertificateValidation = true });

        Assert.True(client.IsEncrypted);
    }

    [Fact]
    public async Task An_iq_round_trips_between_two_clients_and_the_handler_sees_the_senders_jid()
    {
        await using var asker = await SignedInAsync("asker");
        await using var answerer = await SignedInAsync("answerer");
        XmppIq? seen = null;
        answerer.OnIq((iq, _) =>
        {
            seen = iq;
            return Task.FromResult<XElement?>(new XElement(Test + "pong", iq.Payload.Value + "!"));
        });

        var result = await asker.SendIqAsync("get", answerer.BoundJid, new XElement(Test + "ping", "hello"));

        Assert.Equal("result", (string?)result.Attribute("type"));
        Assert.Equal("hello!", result.Element(Test + "pong")?.Value);
        Assert.Equal(asker.BoundJid, seen!.From);
        Assert.Equal(("get", Test + "ping"), (seen.Type, seen.Payload.Name));
    }

    [Fact]
    public async Task A_handler_error_reaches_the_sender_with_its_condition()
    {
        await using var asker = await SignedInAsync("asker");
        await using var answerer = await SignedInAsync("refuser");
        answerer.OnIq((_, _) => throw new XmppIqErrorException("not-authorized", "auth", "bad credentials"));

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => asker.SendIqAsync("set", answerer.BoundJid, new XElement(Test + "ping")));

        Assert.Equal(("not-authorized", "auth", "bad credentials"), (error.Condition, error.ErrorType, error.Text));
    }

    [Fact]
    public async Task An_iq_to_an_unknown_account_gets_service_unavailable_from_the_server()
    {
        await using var asker = await SignedInAsync("asker");

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() =>
            asker.SendIqAsync("get", Jid.Parse($"nobody-{Guid.NewGuid():N}@{prosody.Domain}/cpe"), new XElement(Test + "ping")));

        Assert.Equal("service-unavailable", error.Condition);
    }

    [Fact]
    public async Task A_client_without_a_handler_answers_service_unavailable()
    {
        await using var asker = await SignedInAsync("asker");
        await using var silent = await SignedInAsync("silent");

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => asker.SendIqAsync("get", silent.BoundJid, new XElement(Test + "ping")));

        Assert.Equal("service-unavailable", error.Condition);
    }

    [Fact]
    public async Task An_iq_nobody_answers_times_out()
    {
        await using var asker = await SignedInAsync("asker");
        await using var slow = await SignedInAsync("slow");
        var never = new TaskCompletionSource<XElement?>();
        slow.OnIq((_, _) => never.Task);

        var error = await Assert.ThrowsAsync<XmppTimeoutException>(() =>
            asker.SendIqAsync("get", slow.BoundJid, new XElement(Test + "ping"), TimeSpan.FromMilliseconds(300)));

        Assert.Contains(slow.BoundJid.ToString(), error.Message, StringComparison.Ordinal);
        never.SetResult(null);
    }

    [Fact]
    public async Task A_clean_close_ends_the_stream_and_the_account_is_unreachable_afterwards()
    {
        await using var asker = await SignedInAsync("asker");
        var leaving = await SignedInAsync("leaving");
        leaving.OnIq((_, _) => Task.FromResult<XElement?>(null));
        var address = leaving.BoundJid;
        await asker.SendIqAsync("get", address, new XElement(Test + "ping"));

        await leaving.DisposeAsync();

        Assert.Null(await leaving.Closed);
        await Assert.ThrowsAsync<XmppConnectionException>(() => leaving.SendIqAsync("get", asker.BoundJid, new XElement(Test + "ping")));
        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => asker.SendIqAsync("get", address, new XElement(Test + "ping")));
        Assert.Equal("service-unavailable", error.Condition);
    }

    [Fact]
    public async Task Keepalives_go_out_on_the_interval_without_disturbing_iqs()
    {
        var (jid, password) = prosody.NewAccount("keepalive");
        await using var client = await XmppClient.ConnectAsync(Options(jid, password) with { KeepAliveInterval = TimeSpan.FromMilliseconds(50) });
        await using var other = await SignedInAsync("peer");
        other.OnIq((_, _) => Task.FromResult<XElement?>(null));

        await client.SendKeepAliveAsync(default);
        for (var i = 0; i < 5; i++)
        {
            await client.SendIqAsync("get", other.BoundJid, new XElement(Test + "ping"));
        }

        Assert.False(client.Closed.IsCompleted);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_as_such()
    {
        var port = DeadTcpPort();

        var error = await Assert.ThrowsAsync<XmppConnectionException>(() => XmppClient.ConnectAsync(Options("a@localhost", "x") with { Port = port }));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_offer_starttls_is_refused_when_tls_is_required()
    {
        await using var fake = new FakeXmppServer(FakeXmppServer.Header + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms></stream:features>");

        var error = await Assert.ThrowsAsync<XmppTlsException>(() => XmppClient.ConnectAsync(Options("a@localhost", "secret") with { Port = fake.Port }));

        Assert.Contains("does not offer STARTTLS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<auth", fake.Received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_without_tls_is_not_used_unless_allowed()
    {
        const string features = "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms></stream:features>";
        await using var fake = new FakeXmppServer(FakeXmppServer.Header + features);

        var error = await Assert.ThrowsAsync<XmppAuthenticationException>(() =>
            XmppClient.ConnectAsync(Options("a@localhost", "secret") with { Port = fake.Port, Tls = TlsPolicy.IfOffered }));

        Assert.Equal("no-common-mechanism", error.Condition);
        Assert.Contains("PLAIN needs TLS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<auth", fake.Received, StringComparison.Ordinal);

        await using var allowing = new FakeXmppServer(FakeXmppServer.Header + features, ("</auth>", "<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>"));
        var refused = await Assert.ThrowsAsync<XmppAuthenticationException>(() =>
            XmppClient.ConnectAsync(Options("a@localhost", "secret") with { Port = allowing.Port, Tls = TlsPolicy.IfOffered, AllowPlainWithoutTls = true }));
        Assert.Equal("not-authorized", refused.Condition);
        Assert.Contains("mechanism=\"PLAIN\"", allowing.Received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_naming_the_stage()
    {
        await using var fake = new FakeXmppServer(null);

        var error = await Assert.ThrowsAsync<XmppTimeoutException>(() =>
            XmppClient.ConnectAsync(Options("a@localhost", "x") with { Port = fake.Port, ConnectTimeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Contains("the stream header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_error_during_negotiation_names_its_condition()
    {
        await using var fake = new FakeXmppServer(FakeXmppServer.Header + "<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>");

        var error = await Assert.ThrowsAsync<XmppStreamException>(() => XmppClient.ConnectAsync(Options("a@localhost", "x") with { Port = fake.Port }));

        Assert.Equal("host-unknown", error.Condition);
    }

    private async Task<XmppClient> SignedInAsync(string prefix)
    {
        var (jid, password) = prosody.NewAccount(prefix);
        return await XmppClient.ConnectAsync(Options(jid, password));
    }

    private XmppClientOptions Options(string jid, string password) => new()
    {
        Host = "127.0.0.1",
        Port = prosody.Port,
        Jid = Jid.Parse(jid),
        Password = password,
        PinnedCertificate = prosody.CertificateThumbprint,
    };

    private static int DeadTcpPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
