using System.Text;
using System.Xml.Linq;

namespace Qdms.Protocols.Xmpp;

public sealed partial class XmppClient
{
    /// <summary>
    /// Connects and signs in: TCP, stream, STARTTLS (as <see cref="XmppClientOptions.Tls"/> says), SASL (SCRAM-SHA-1
    /// preferred, PLAIN only over TLS unless allowed), resource bind (RFC 6120 §7) and, when a server still requires it,
    /// the legacy session. All of it within <see cref="XmppClientOptions.ConnectTimeout"/>.
    /// </summary>
    /// <exception cref="XmppConnectionException">The server cannot be reached or closed the connection.</exception>
    /// <exception cref="XmppTlsException">TLS is required but not offered, or failed (certificate, handshake).</exception>
    /// <exception cref="XmppAuthenticationException">SASL failed; <see cref="XmppAuthenticationException.Condition"/> says why.</exception>
    /// <exception cref="XmppTimeoutException">The negotiation did not finish in time.</exception>
    /// <exception cref="XmppStreamException">The server sent a stream error or XML the client refuses.</exception>
    public static async Task<XmppClient> ConnectAsync(XmppClientOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Jid.Local is null)
        {
            throw new ArgumentException("the JID to sign in with needs a local part (user@domain)", nameof(options));
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.ConnectTimeout);
        var stage = "connecting";
        XmppTransport? transport = null;
        try
        {
            transport = await XmppTransport.ConnectAsync(options.Host, options.Port, options.MaxStanzaBytes, deadline.Token);
            var domain = options.Jid.Domain;
            stage = "the stream header";
            await transport.OpenStreamAsync(domain, deadline.Token);
            var features = await transport.ReadFeaturesAsync(deadline.Token);

            stage = "STARTTLS";
            features = await NegotiateTlsAsync(transport, features, options, deadline.Token);

            stage = "SASL";
            var mechanism = await AuthenticateAsync(transport, features, options, deadline.Token);
            await transport.OpenStreamAsync(domain, deadline.Token);
            features = await transport.ReadFeaturesAsync(deadline.Token);

            stage = "resource binding";
            var bound = await BindAsync(transport, features, options, deadline.Token);
            var client = new XmppClient(transport, options, bound, mechanism);
            client.Start();
            return client;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            if (transport is not null)
            {
                await transport.DisposeAsync();
            }

            throw new XmppTimeoutException($"the XMPP server {options.Host}:{options.Port} did not finish {stage} within {options.ConnectTimeout.TotalSeconds:0.#} s");
        }
        catch
        {
            if (transport is not null)
            {
                await transport.DisposeAsync();
            }

            throw;
        }
    }

    private static async Task<XElement> NegotiateTlsAsync(XmppTransport transport, XElement features, XmppClientOptions options, CancellationToken ct)
    {
        var offer = features.Element(XmppNamespaces.Tls + "starttls");
        if (offer is null)
        {
            return options.Tls == TlsPolicy.Required
                ? throw new XmppTlsException($"the XMPP server {options.Host}:{options.Port} does not offer STARTTLS, and TLS is required")
                : features;
        }

        if (options.Tls == TlsPolicy.Never)
        {
            return offer.Element(XmppNamespaces.Tls + "required") is null
                ? features
                : throw new XmppTlsException($"the XMPP server {options.Host}:{options.Port} requires TLS, and the client is set never to use it");
        }

        await transport.WriteAsync(new XElement(XmppNamespaces.Tls + "starttls"), ct);
        var answer = await transport.ReadElementAsync("the STARTTLS answer", ct);
        if (answer.Name != XmppNamespaces.Tls + "proceed")
        {
            throw new XmppTlsException($"the XMPP server refused STARTTLS ({answer.Name.LocalName})");
        }

        await transport.UpgradeToTlsAsync(options.Jid.Domain, options, ct);
        await transport.OpenStreamAsync(options.Jid.Domain, ct);
        return await transport.ReadFeaturesAsync(ct);
    }

    private static async Task<string> AuthenticateAsync(XmppTransport transport, XElement features, XmppClientOptions options, CancellationToken ct)
    {
        var offered = features.Element(XmppNamespaces.Sasl + "mechanisms")?.Elements(XmppNamespaces.Sasl + "mechanism").Select(m => m.Value.Trim()).ToHashSet(StringComparer.Ordinal)
            ?? [];
        var usable = options.Mechanisms.Where(m => offered.Contains(m)
            && m is SaslMechanisms.ScramSha1 or SaslMechanisms.Plain
            && (m != SaslMechanisms.Plain || transport.IsEncrypted || options.AllowPlainWithoutTls)).ToList();
        if (usable.Count == 0)
        {
            var plainOnly = offered.Contains(SaslMechanisms.Plain) && options.Mechanisms.Contains(SaslMechanisms.Plain) && !transport.IsEncrypted;
            throw new XmppAuthenticationException("no-common-mechanism",
                $"no SASL mechanism both sides allow (server offers {string.Join(", ", offered.Order(StringComparer.Ordinal))}; client allows {string.Join(", ", options.Mechanisms)})"
                + (plainOnly ? "; PLAIN needs TLS unless AllowPlainWithoutTls is set" : ""));
        }

        var mechanism = usable[0];
        var user = options.Jid.Local!;
        if (mechanism == SaslMechanisms.Plain)
        {
            var token = Encoding.UTF8.GetBytes($"\0{user}\0{options.Password}");
            await transport.WriteAsync(Auth(mechanism, token), ct);
            await ExpectSuccessAsync(transport, null, ct);
            return mechanism;
        }

        var scram = new ScramSha1Client(user, options.Password);
        await transport.WriteAsync(Auth(mechanism, Encoding.UTF8.GetBytes(scram.ClientFirst)), ct);
        var challenge = await transport.ReadElementAsync("the SCRAM challenge", ct);
        ThrowIfFailure(challenge);
        if (challenge.Name != XmppNamespaces.Sasl + "challenge")
        {
            throw new XmppStreamException("not-well-formed", $"the XMPP server sent <{challenge.Name.LocalName}> where a SASL challenge belongs");
        }

        var final = scram.ClientFinal(Decode(challenge));
        await transport.WriteAsync(new XElement(XmppNamespaces.Sasl + "response", Convert.ToBase64String(Encoding.UTF8.GetBytes(final))), ct);
        await ExpectSuccessAsync(transport, scram, ct);
        return mechanism;
    }

    /// <summary>Waits for <c>&lt;success/&gt;</c>; with SCRAM, its additional data (or a last challenge) carries the server signature to check.</summary>
    private static async Task ExpectSuccessAsync(XmppTransport transport, ScramSha1Client? scram, CancellationToken ct)
    {
        var answer = await transport.ReadElementAsync("the SASL outcome", ct);
        ThrowIfFailure(answer);
        if (scram is not null && answer.Name == XmppNamespaces.Sasl + "challenge")
        {
            scram.VerifyServerFinal(Decode(answer));
            await transport.WriteAsync(new XElement(XmppNamespaces.Sasl + "response"), ct);
            answer = await transport.ReadElementAsync("the SASL outcome", ct);
            ThrowIfFailure(answer);
            scram = null;
        }

        if (answer.Name != XmppNamespaces.Sasl + "success")
        {
            throw new XmppStreamException("not-well-formed", $"the XMPP server sent <{answer.Name.LocalName}> where SASL success belongs");
        }

        scram?.VerifyServerFinal(Decode(answer));
    }

    private static void ThrowIfFailure(XElement answer)
    {
        if (answer.Name != XmppNamespaces.Sasl + "failure")
        {
            return;
        }

        var condition = answer.Elements().FirstOrDefault(e => e.Name.LocalName != "text")?.Name.LocalName ?? "not-authorized";
        var text = answer.Element(XmppNamespaces.Sasl + "text")?.Value;
        var meaning = condition == "not-authorized" ? " (wrong user name or password)" : "";
        throw new XmppAuthenticationException(condition, $"XMPP sign-in failed: {condition}{meaning}{(text is null ? "" : ": " + text)}");
    }

    private static async Task<Jid> BindAsync(XmppTransport transport, XElement features, XmppClientOptions options, CancellationToken ct)
    {
        if (features.Element(XmppNamespaces.Bind + "bind") is null)
        {
            throw new XmppStreamException("unsupported-feature", "the XMPP server does not offer resource binding");
        }

        var resource = options.Resource is null ? null : new XElement(XmppNamespaces.Bind + "resource", options.Resource);
        var result = await IqDuringNegotiationAsync(transport, "bind", new XElement(XmppNamespaces.Bind + "bind", resource), ct);
        var jidText = result.Element(XmppNamespaces.Bind + "bind")?.Element(XmppNamespaces.Bind + "jid")?.Value;
        if (!Jid.TryParse(jidText, out var bound) || !bound.IsFull)
        {
            throw new XmppStreamException("not-well-formed", $"the XMPP server bound an invalid JID '{jidText}'");
        }

        var session = features.Element(XmppNamespaces.Session + "session");
        if (session is not null && session.Element(XmppNamespaces.Session + "optional") is null)
        {
            await IqDuringNegotiationAsync(transport, "session", new XElement(XmppNamespaces.Session + "session"), ct);
        }

        return bound;
    }

    private static async Task<XElement> IqDuringNegotiationAsync(XmppTransport transport, string id, XElement payload, CancellationToken ct)
    {
        await transport.WriteAsync(new XElement("iq", new XAttribute("type", "set"), new XAttribute("id", id), payload), ct);
        while (true)
        {
            var answer = await transport.ReadElementAsync($"the {id} result", ct);
            if (answer.Name.LocalName != "iq" || (string?)answer.Attribute("id") != id)
            {
                continue; // presence or a message that came early: not ours
            }

            return (string?)answer.Attribute("type") == "error" ? throw XmppIqErrorException.From(answer) : answer;
        }
    }

    private static XElement Auth(string mechanism, byte[] initial) =>
        new(XmppNamespaces.Sasl + "auth", new XAttribute("mechanism", mechanism), initial.Length == 0 ? "=" : Convert.ToBase64String(initial));

    private static string Decode(XElement element)
    {
        var text = element.Value.Trim();
        try
        {
            return text is "" or "=" ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException e)
        {
            throw new XmppStreamException("incorrect-encoding", "the XMPP server sent SASL data that is not base64", e);
        }
    }
}
