using System.Net;
using System.Net.Sockets;

namespace Qdms.Qos.Targets;

/// <summary>
/// The host part of a device's inventory address: an IP address, a host name, <c>host:port</c>, <c>[v6]:port</c> or a URL.
/// </summary>
public static class TargetAddress
{
    /// <summary>The host to measure; null when the address names none.</summary>
    public static string? HostOf(string? address)
    {
        var text = address?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host.Trim('[', ']') : null;
        }

        if (IPAddress.TryParse(text, out var ip))
        {
            return ip.ToString();
        }

        if (text.StartsWith('[') && text.IndexOf(']') is > 1 and var close)
        {
            return text[1..close];
        }

        var colon = text.LastIndexOf(':');
        return colon > 0 && text.IndexOf(':') == colon ? text[..colon] : text;
    }

    /// <summary>The host's address: parsed, or resolved through DNS (IPv4 first). Null when it resolves to nothing.</summary>
    public static async Task<IPAddress?> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var ip))
        {
            return ip;
        }

        try
        {
            var all = await Dns.GetHostAddressesAsync(host, ct);
            return all.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? all.FirstOrDefault();
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
