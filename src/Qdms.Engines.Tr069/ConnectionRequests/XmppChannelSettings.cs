using System.Globalization;
using System.Text.Json;
using Qdms.Protocols.Xmpp;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// The XMPP part of the tr069 engine config (TR-069 Annex K): <c>xmppServer</c> ("host:port", empty = XMPP off),
/// <c>xmppJid</c> and <c>xmppPassword</c> (the ACS's account), <c>xmppAllowPlain</c> (allow an unencrypted stream, and SASL
/// PLAIN over it: lab servers only) and <c>xmppTlsThumbprint</c> (the server certificate's SHA-1 thumbprint or SHA-256 hash
/// to accept even if it does not validate, e.g. self-signed). <see cref="ToString"/> never shows the password.
/// </summary>
internal sealed record XmppChannelSettings(string Host, int Port, Jid Jid, string Password, bool AllowPlain, string? TlsThumbprint)
{
    /// <summary>The default c2s port (RFC 6120 §14.7).</summary>
    public const int DefaultPort = 5222;

    /// <summary>The config keys this reads.</summary>
    public static readonly string[] Keys = ["xmppServer", "xmppJid", "xmppPassword", "xmppAllowPlain", "xmppTlsThumbprint"];

    /// <summary>Reads the keys; null when <c>xmppServer</c> is absent or empty (XMPP off). Each bad key is added to <paramref name="problems"/>.</summary>
    public static XmppChannelSettings? TryRead(JsonElement config, List<string> problems)
    {
        var server = String(config, "xmppServer", problems);
        var jidText = String(config, "xmppJid", problems);
        var password = String(config, "xmppPassword", problems);
        var thumbprint = String(config, "xmppTlsThumbprint", problems);
        var allowPlain = false;
        if (config.TryGetProperty("xmppAllowPlain", out var plain))
        {
            if (plain.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                allowPlain = plain.GetBoolean();
            }
            else
            {
                problems.Add("xmppAllowPlain must be true or false");
            }
        }

        if (string.IsNullOrEmpty(server))
        {
            return null;
        }

        var count = problems.Count;
        if (!TrySplitServer(server, out var host, out var port))
        {
            problems.Add($"xmppServer must be \"host\" or \"host:port\" with a port from 1 to 65535, not '{server}'");
        }

        if (!Jid.TryParse(jidText, out var jid) || jid.Local is null || jid.IsFull)
        {
            problems.Add("xmppJid must be the ACS's bare JID, user@domain, when xmppServer is set");
        }

        if (string.IsNullOrEmpty(password))
        {
            problems.Add("xmppPassword must not be empty when xmppServer is set");
        }

        if (!string.IsNullOrEmpty(thumbprint) && !IsHex(thumbprint.Replace(":", "", StringComparison.Ordinal)))
        {
            problems.Add("xmppTlsThumbprint must be a SHA-1 (40) or SHA-256 (64) hex digest, colons allowed");
        }

        return problems.Count == count ? new XmppChannelSettings(host, port, jid, password!, allowPlain, string.IsNullOrEmpty(thumbprint) ? null : thumbprint) : null;
    }

    /// <summary>The client options these settings mean.</summary>
    public XmppClientOptions ClientOptions() => new()
    {
        Host = Host,
        Port = Port,
        Jid = Jid,
        Password = Password,
        Tls = AllowPlain ? TlsPolicy.IfOffered : TlsPolicy.Required,
        AllowPlainWithoutTls = AllowPlain,
        PinnedCertificate = TlsThumbprint,
        KeepAliveInterval = TimeSpan.FromSeconds(60),
    };

    public override string ToString() => $"XmppChannelSettings {{ Server = {Host}:{Port}, Jid = {Jid}, AllowPlain = {AllowPlain}, TlsThumbprint = {TlsThumbprint} }}";

    private static string? String(JsonElement config, string key, List<string> problems)
    {
        if (!config.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{key} must be a string");
            return null;
        }

        return value.GetString()!.Trim();
    }

    /// <summary>"host", "host:port", "[v6]", "[v6]:port" or a bare IPv6 address.</summary>
    private static bool TrySplitServer(string server, out string host, out int port)
    {
        port = DefaultPort;
        string? portText = null;
        if (server.StartsWith('['))
        {
            var close = server.IndexOf(']', StringComparison.Ordinal);
            host = close > 1 ? server[1..close] : "";
            var rest = close > 0 ? server[(close + 1)..] : "x";
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    return false;
                }

                portText = rest[1..];
            }
        }
        else if (server.Count(c => c == ':') == 1)
        {
            host = server[..server.IndexOf(':', StringComparison.Ordinal)];
            portText = server[(host.Length + 1)..];
        }
        else
        {
            host = server;
        }

        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            return false;
        }

        return host.Length > 0 && !host.Any(char.IsWhiteSpace);
    }

    private static bool IsHex(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigit);
}
