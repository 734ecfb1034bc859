using System.Globalization;
using System.Text;
using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Running;

/// <summary>One text line per event: <c>   12.345678 TX  step3  41 54 0D 0A  |AT..|</c>.</summary>
public static class RunEventText
{
    /// <summary>Formats <paramref name="e"/> in <paramref name="view"/>.</summary>
    public static string Format(RunEvent e, LogView view)
    {
        var sb = new StringBuilder();
        sb.Append((e.Micros / 1_000_000.0).ToString("0.000000", CultureInfo.InvariantCulture).PadLeft(12)).Append(' ');
        sb.Append(Label(e.Kind).PadRight(6)).Append(' ');
        if (e.Step is not null)
        {
            sb.Append('[').Append(e.Step).Append("] ");
        }

        if (e.Data is { } d)
        {
            switch (view)
            {
                case LogView.Hex:
                    sb.Append(Hex.Format(d));
                    break;
                case LogView.Ascii:
                    sb.Append(Escape(d));
                    break;
                default:
                    sb.Append(Hex.Format(d)).Append("  |").Append(Hex.Printable(d)).Append('|');
                    break;
            }

            if (e.Text is not null)
            {
                sb.Append("  ");
            }
        }

        sb.Append(e.Text);
        return sb.ToString();
    }

    private static string Label(RunEventKind kind) => kind switch
    {
        RunEventKind.Tx => "TX",
        RunEventKind.Rx => "RX",
        RunEventKind.Frame => "FRAME",
        RunEventKind.StepStarted => "STEP",
        RunEventKind.StepEnded => "DONE",
        RunEventKind.Paused => "PAUSE",
        RunEventKind.Resumed => "RESUME",
        RunEventKind.Started => "START",
        RunEventKind.Ended => "END",
        _ => "INFO",
    };

    private static string Escape(ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder();
        foreach (var b in data)
        {
            sb.Append(b switch
            {
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                (byte)'\t' => "\\t",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}",
            });
        }

        return sb.ToString();
    }
}
