using System.Globalization;
using System.Text;
using Qdms.Scenarios.Format;
using Qdms.Scenarios.Running;

namespace Qdms.Scenarios.Capture;

/// <summary>
/// Turns a captured run (its NDJSON events) into a scenario that replays it: each write becomes a step that sends the same
/// bytes and expects, exactly, the first frame that answered it (a HEX match), within three times the response time seen
/// (at least one second). The transport and framing come from the original scenario; checksum verification is left out
/// because the captured frames are matched whole.
/// </summary>
public static class ScenarioCapture
{
    /// <summary>The replay scenario as YAML.</summary>
    public static string ToReplayYaml(IEnumerable<RunEvent> events, ScenarioDocument original, string name)
    {
        var sb = new StringBuilder();
        sb.Append("# Replay of a captured run of '").Append(original.Name).Append("' (qdms scenario replay).\n");
        sb.Append("version: 1\n");
        sb.Append("name: ").Append(Quote(name)).Append('\n');
        sb.Append("transport: ").Append(TransportYaml(original.Transport)).Append('\n');
        sb.Append("framing: ").Append(FramingYaml(original.Framing)).Append('\n');
        sb.Append("steps:\n");
        var list = events.ToList();
        var n = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var tx = list[i];
            if (tx.Kind != RunEventKind.Tx || tx.Data is null)
            {
                continue;
            }

            var answer = list.Skip(i + 1).TakeWhile(e => e.Kind != RunEventKind.Tx).FirstOrDefault(e => e.Kind == RunEventKind.Frame && e.Data is not null);
            n++;
            sb.Append("  - id: replay").Append(n.ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("    send: { hex: \"").Append(Hex.Format(tx.Data)).Append("\" }\n");
            if (answer is not null)
            {
                var seen = TimeSpan.FromTicks(Math.Max(0, answer.Micros - tx.Micros) * 10);
                var timeout = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, seen.Ticks * 3));
                sb.Append("    expect: [{ hex: \"").Append(Hex.Format(answer.Data!)).Append("\" }]\n");
                sb.Append("    timeout: ").Append(Durations.Format(TimeSpan.FromMilliseconds(Math.Ceiling(timeout.TotalMilliseconds)))).Append('\n');
            }
        }

        if (n == 0)
        {
            throw new FormatException("the capture has no written bytes to replay");
        }

        return sb.ToString();
    }

    private static string TransportYaml(TransportSpec t) => t.Kind switch
    {
        TransportKind.Serial => string.Create(CultureInfo.InvariantCulture,
            $"{{ kind: serial, device: {Quote(t.Device!)}, baud: {t.Serial.Baud}, data_bits: {t.Serial.DataBits}, parity: {t.Serial.Parity.ToString().ToLowerInvariant()}, stop_bits: {t.Serial.StopBits}, flow_control: {t.Serial.FlowControl.ToString().ToLowerInvariant()} }}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{{ kind: {t.Kind.ToString().ToLowerInvariant()}, host: {Quote(t.Host!)}, port: {t.Port} }}"),
    };

    private static string FramingYaml(FramingSpec f) => f.Kind switch
    {
        FramingKind.Delimiter => $"{{ kind: delimiter, delimiter_hex: \"{Hex.Format(f.Delimiter)}\", max_frame: {f.MaxFrame} }}",
        FramingKind.Length => string.Create(CultureInfo.InvariantCulture,
            $"{{ kind: length, length_bytes: {f.LengthBytes}, length_endian: {(f.LengthBigEndian ? "big" : "little")}, length_includes_header: {(f.LengthIncludesHeader ? "true" : "false")}, max_frame: {f.MaxFrame} }}"),
        FramingKind.Fixed => string.Create(CultureInfo.InvariantCulture, $"{{ kind: fixed, size: {f.Size} }}"),
        FramingKind.Idle => $"{{ kind: idle, gap: {Durations.Format(f.Gap)}, max_frame: {f.MaxFrame} }}",
        _ => "{ kind: raw }",
    };

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
