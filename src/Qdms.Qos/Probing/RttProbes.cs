using System.Net;
using System.Net.Sockets;
using Qdms.Qos.Configuration;

namespace Qdms.Qos.Probing;

/// <summary>
/// Chooses the probe for an address from <c>Qdms:Qos:RttMethod</c>: ICMP echo (auto picks it when the process may open an
/// ICMP socket), TCP connect to the known port (auto's fallback, and for IPv6 targets) or Arrowhead's closed-port connect.
/// The one ICMP socket is opened on first use and shared.
/// </summary>
public sealed class RttProbes(QosOptions options) : IDisposable
{
    private readonly Lazy<IcmpPinger?> _pinger = new(IcmpPinger.TryOpen);

    /// <summary>The method auto resolves to here: ICMP when an ICMP socket opens, else TCP.</summary>
    public RttMethod EffectiveDefault => _pinger.Value is null ? RttMethod.Tcp : RttMethod.Icmp;

    public IRttProbe For(IPAddress address)
    {
        switch (options.RttMethod)
        {
            case "arrowhead":
                return new TcpConnectProbe(RttMethod.Arrowhead, options.ArrowheadClosedPort);
            case "tcp":
                return new TcpConnectProbe(RttMethod.Tcp, options.RttTcpPort);
            default:
                if (address.AddressFamily == AddressFamily.InterNetwork && _pinger.Value is { } pinger)
                {
                    return pinger;
                }

                if (options.RttMethod == "icmp" && _pinger.Value is null)
                {
                    throw new InvalidOperationException(
                        "Qdms:Qos:RttMethod is icmp but this process may open no ICMP socket (neither raw nor datagram); use auto, tcp or arrowhead.");
                }

                return new TcpConnectProbe(RttMethod.Tcp, options.RttTcpPort);
        }
    }

    public void Dispose()
    {
        if (_pinger.IsValueCreated)
        {
            _pinger.Value?.Dispose();
        }
    }
}
