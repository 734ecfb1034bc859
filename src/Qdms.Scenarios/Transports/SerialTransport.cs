using Qdms.Scenarios.Posix;

namespace Qdms.Scenarios.Transports;

/// <summary>A serial device (or a pty slave) opened and configured through termios.</summary>
public sealed class SerialTransport(PosixFd fd) : IScenarioTransport
{
    /// <summary>Opens <paramref name="device"/> with <paramref name="settings"/>.</summary>
    public static SerialTransport Open(string device, SerialSettings settings) => new(SerialLine.Open(device, settings));

    /// <inheritdoc />
    public ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken ct) => fd.WriteAsync(data, ct);

    /// <inheritdoc />
    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct) => fd.ReadAsync(buffer, ct);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        fd.Dispose();
        return ValueTask.CompletedTask;
    }
}
