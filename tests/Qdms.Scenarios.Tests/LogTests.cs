using System.Text;
using Qdms.Scenarios.Running;
using Qdms.Testing;

namespace Qdms.Scenarios.Tests;

public sealed class LogTests
{
    [Fact]
    public async Task Every_byte_sent_and_received_is_logged_to_the_file_in_hex_and_ascii()
    {
        using var dir = new TempDirectory();
        var textLog = Path.Combine(dir.Path, "run.log");
        var jsonLog = Path.Combine(dir.Path, "run.ndjson");
        await using var line = SimulatedLine.Start("pty");
        RunResult result;
        using (var text = new LogFileSink(textLog, LogView.Both))
        using (var json = new LogFileSink(jsonLog, null))
        {
            (result, _) = await Run.TextAsync(line.Scenario("steps:\n  - { send: \"AT\\r\\n\", expect: OK }\n"), new RunOptions { Sinks = [text, json] });
        }

        Assert.Equal(Kpis.RunVerdict.Pass, result.Verdict);
        var lines = await File.ReadAllLinesAsync(textLog);
        Assert.Contains(lines, l => l.Contains("TX") && l.Contains("41 54 0D 0A  |AT..|"));
        Assert.Contains(lines, l => l.Contains("RX") && l.Contains("4F 4B 0D 0A  |OK..|"));
        var events = (await File.ReadAllLinesAsync(jsonLog)).Select(RunEventJson.Read).ToList();
        Assert.Equal(Encoding.ASCII.GetBytes("AT\r\n"), events.Single(e => e.Kind == RunEventKind.Tx).Data);
        Assert.Equal(events.Select(e => e.Sequence), Enumerable.Range(1, events.Count).Select(i => (long)i));
        Assert.Equal(RunEventKind.Ended, events[^1].Kind);
    }

    [Fact]
    public void Ascii_view_escapes_control_bytes()
    {
        var line = RunEventText.Format(new RunEvent(1, 1_500_000, RunEventKind.Tx, "a", [0x41, 0x0D, 0x0A, 0x01], null), LogView.Ascii);
        Assert.Equal("    1.500000 TX     [a] A\\r\\n\\x01", line);
    }
}
