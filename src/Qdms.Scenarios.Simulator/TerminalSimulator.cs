using System.Globalization;
using System.Text;
using Qdms.Scenarios.Checksums;
using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Simulator;

/// <summary>
/// A simulated mobile terminal for tests and demos: answers AT-style commands (one per CR or LF terminated line, answers end
/// with CR LF) on whatever byte stream it is given, and injects faults with known ground truth.
/// <code>
/// AT → OK          ATI → QDMS-SIM 1.0         AT+ECHO=x → +ECHO: x
/// AT+LBS → +LBS: 37.5665,126.9780,8 (a location session; BUSY when the plan says Busy)
/// AT+POS? → +POS: 37.5665,126.9780,35.2,8      AT+STAT? → +STAT: 1,ready,-67     AT+TSID? → +TSID: 4098
/// DM_MONITORING_REQ → DM_MONITORING_RSP: OK
/// AT$MEMCHK → $MEMCHK: OK,1048576   AT$CPU? → $CPU: 37   AT$GFXCHK → $GFXCHK: OK|ERROR   AT$KEY=n → $KEY: n   AT$LED=n → $LED: n
/// NAK → (no answer; counted)        anything else → ERROR
/// </code>
/// </summary>
public sealed class TerminalSimulator(SimulatorOptions options)
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();
    private static readonly VerifySpec Nmea = new(ChecksumKind.Xor8, ChecksumFormat.Hex, "*"u8.ToArray());
    private readonly Lock _gate = new();
    private readonly List<ReceivedCommand> _commands = [];
    private readonly List<SentFrame> _frames = [];
    private int _naks;

    /// <summary>The checksum answers carry when <see cref="SimulatorOptions.Checksums"/> is on (for scenarios' <c>verify</c>).</summary>
    public static VerifySpec AnswerChecksum => Nmea;

    /// <summary>Every command received, in order.</summary>
    public IReadOnlyList<ReceivedCommand> Commands
    {
        get
        {
            lock (_gate)
            {
                return _commands.ToList();
            }
        }
    }

    /// <summary>Every frame sent, in order (the ground truth for packet error recognition).</summary>
    public IReadOnlyList<SentFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return _frames.ToList();
            }
        }
    }

    /// <summary>How many NAK lines arrived.</summary>
    public int NakCount => Volatile.Read(ref _naks);

    /// <summary>Ordinals of the frames sent bad on purpose.</summary>
    public IReadOnlySet<long> BadFrameOrdinals => Frames.Where(f => f.IsBad).Select(f => f.Ordinal).ToHashSet();

    /// <summary>Serves one connection until it closes or <paramref name="ct"/> ends.</summary>
    public async Task ServeAsync(Func<Memory<byte>, CancellationToken, ValueTask<int>> read, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write,
        CancellationToken ct)
    {
        var buffer = new byte[4096];
        var line = new StringBuilder();
        var writeGate = new SemaphoreSlim(1, 1);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var n = await read(buffer, ct);
                if (n == 0)
                {
                    return;
                }

                for (var i = 0; i < n; i++)
                {
                    var b = buffer[i];
                    if (b is (byte)'\r' or (byte)'\n')
                    {
                        if (line.Length > 0)
                        {
                            var command = line.ToString();
                            line.Clear();
                            await AnswerAsync(command, write, writeGate, ct);
                        }
                    }
                    else
                    {
                        line.Append((char)b);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Sends an unsolicited line (e.g. <c>RING</c>).</summary>
    public async Task SendUnsolicitedAsync(string text, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write, CancellationToken ct) =>
        await write(Frame(text, 0, null, bad: false), ct);

    private async Task AnswerAsync(string command, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write, SemaphoreSlim gate, CancellationToken ct)
    {
        if (command == "NAK")
        {
            Interlocked.Increment(ref _naks);
            lock (_gate)
            {
                _commands.Add(new ReceivedCommand(_commands.Count + 1, command, null));
            }

            return;
        }

        int number;
        SimulatorFault? fault;
        lock (_gate)
        {
            number = _commands.Count + 1;
            fault = options.Faults.For(number, command);
            _commands.Add(new ReceivedCommand(number, command, fault?.Kind));
        }

        var answer = fault?.Kind == FaultKind.Busy ? "BUSY" : Reply(command);
        switch (fault?.Kind)
        {
            case FaultKind.Silence:
                return;
            case FaultKind.Slow:
                await Task.Delay(fault.Delay, ct);
                break;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (fault?.Kind == FaultKind.StrayBytes)
            {
                await write(Frame("\u007f#\u0013~", number, fault.Kind, bad: true, raw: true), ct);
            }

            await write(Frame(answer, number, fault?.Kind, bad: fault?.Kind is FaultKind.BadChecksum or FaultKind.Truncate, fault?.Kind), ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private byte[] Frame(string text, int number, FaultKind? fault, bool bad, FaultKind? effect = null, bool raw = false)
    {
        var body = Encoding.Latin1.GetBytes(text);
        if (options.Checksums && !raw)
        {
            var sum = Checksum.Encode(ChecksumKind.Xor8, ChecksumFormat.Hex, body);
            if (effect == FaultKind.BadChecksum)
            {
                sum[1] = (byte)(sum[1] == (byte)'0' ? '1' : '0');
            }

            body = [.. body, (byte)'*', .. sum];
        }
        else if (effect == FaultKind.BadChecksum && body.Length > 0)
        {
            body[^1] ^= 0x20;
        }

        if (effect == FaultKind.Truncate)
        {
            body = body[..Math.Max(1, body.Length / 2)];
        }

        lock (_gate)
        {
            _frames.Add(new SentFrame(_frames.Count + 1, Encoding.Latin1.GetString(body), bad, number, fault));
        }

        return [.. body, .. Crlf];
    }

    private string Reply(string command)
    {
        var c = command.Trim();
        return c switch
        {
            "AT" => "OK",
            "ATI" => "QDMS-SIM 1.0",
            "AT+LBS" => "+LBS: 37.5665,126.9780,8",
            "AT+POS?" => "+POS: 37.5665,126.9780,35.2,8",
            "AT+STAT?" => "+STAT: 1,ready,-67",
            "AT+TSID?" => "+TSID: 4098",
            "DM_MONITORING_REQ" => "DM_MONITORING_RSP: OK",
            "AT$MEMCHK" => "$MEMCHK: OK,1048576",
            "AT$CPU?" => string.Create(CultureInfo.InvariantCulture, $"$CPU: {options.CpuLoad}"),
            "AT$GFXCHK" => options.GraphicsFault ? "$GFXCHK: ERROR" : "$GFXCHK: OK",
            _ when c.StartsWith("AT+ECHO=", StringComparison.Ordinal) => $"+ECHO: {c[8..]}",
            _ when c.StartsWith("AT$KEY=", StringComparison.Ordinal) => $"$KEY: {c[7..]}",
            _ when c.StartsWith("AT$LED=", StringComparison.Ordinal) => $"$LED: {c[7..]}",
            _ => "ERROR",
        };
    }
}
