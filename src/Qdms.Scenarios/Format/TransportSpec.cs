using Qdms.Scenarios.Posix;

namespace Qdms.Scenarios.Format;

/// <summary>The line to the terminal: a serial device with its settings, or a TCP/UDP peer.</summary>
public sealed record TransportSpec(
    TransportKind Kind,
    string? Device,
    SerialSettings Serial,
    string? Host,
    int Port,
    TimeSpan ConnectTimeout,
    SourcePosition Position)
{
    /// <summary>One line for logs: <c>serial /dev/ttyUSB0 115200 8N1</c>, <c>tcp 10.0.0.5:5000</c>.</summary>
    public string Describe() => Kind switch
    {
        TransportKind.Serial => $"serial {Device} {Serial.Baud} {Serial.DataBits}{Serial.Parity.ToString()[0]}{Serial.StopBits}",
        TransportKind.Tcp => $"tcp {Host}:{Port}",
        _ => $"udp {Host}:{Port}",
    };

    /// <summary>The same transport pointed somewhere else (a device's address or serial port).</summary>
    public TransportSpec WithTarget(string target)
    {
        if (Kind == TransportKind.Serial)
        {
            return this with { Device = target };
        }

        // host, host:port, [v6], [v6]:port
        var colon = target.LastIndexOf(':');
        var bracketed = target.StartsWith('[');
        if (colon > 0 && (!bracketed || target[colon - 1] == ']') && (bracketed || target.IndexOf(':') == colon)
            && int.TryParse(target.AsSpan(colon + 1), out var port))
        {
            return this with { Host = target[..colon].Trim('[', ']'), Port = port };
        }

        return this with { Host = target.Trim('[', ']') };
    }
}
