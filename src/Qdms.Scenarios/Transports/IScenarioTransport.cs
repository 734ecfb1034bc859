namespace Qdms.Scenarios.Transports;

/// <summary>An open line to a terminal: bytes out, chunks in.</summary>
public interface IScenarioTransport : IAsyncDisposable
{
    /// <summary>Writes all of <paramref name="data"/>.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken ct);

    /// <summary>Reads what arrived (for UDP one datagram); 0 when the far end closed.</summary>
    ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct);
}
