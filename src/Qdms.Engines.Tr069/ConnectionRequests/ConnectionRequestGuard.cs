using System.Net;
using System.Net.Sockets;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// Connects to a ConnectionRequestURL's host only at addresses inside the allowed networks (when any are configured). The check
/// runs on the addresses actually connected to, after DNS, so a device-reported name cannot rebind into a network it may not reach.
/// </summary>
internal static class ConnectionRequestGuard
{
    public static async ValueTask<Stream> ConnectAsync(IReadOnlyList<IPNetwork> allowed, DnsEndPoint endpoint, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var permitted = allowed.Count == 0 ? addresses : [.. addresses.Where(a => allowed.Any(n => n.Contains(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a)))];
        if (permitted.Length == 0)
        {
            throw new ConnectionRequestException(
                $"the ConnectionRequestURL's host {endpoint.Host} ({string.Join(", ", addresses.Select(a => a.ToString()))}) is outside connectionRequestAllowedNetworks");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
