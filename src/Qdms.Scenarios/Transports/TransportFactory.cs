using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Transports;

/// <summary>Opens the transport a scenario names.</summary>
public static class TransportFactory
{
    /// <summary>Opens <paramref name="spec"/>; failures surface as <see cref="IOException"/> or <see cref="System.Net.Sockets.SocketException"/>.</summary>
    public static async ValueTask<IScenarioTransport> OpenAsync(TransportSpec spec, CancellationToken ct) => spec.Kind switch
    {
        TransportKind.Serial => SerialTransport.Open(spec.Device!, spec.Serial),
        TransportKind.Tcp => await TcpClientTransport.ConnectAsync(spec.Host!, spec.Port, spec.ConnectTimeout, ct),
        _ => await UdpTransport.OpenAsync(spec.Host!, spec.Port, ct),
    };
}
