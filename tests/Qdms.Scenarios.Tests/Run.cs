using System.Collections.Concurrent;
using Qdms.Scenarios.Format;
using Qdms.Scenarios.Running;

namespace Qdms.Scenarios.Tests;

/// <summary>Runs a scenario text with a bounded deadline and keeps its events.</summary>
internal static class Run
{
    public static async Task<(RunResult Result, IReadOnlyList<RunEvent> Events)> TextAsync(string text, RunOptions? options = null)
    {
        var events = new ConcurrentQueue<RunEvent>();
        var o = options ?? new RunOptions();
        o = o with { Sinks = [.. o.Sinks, new DelegateSink(events.Enqueue)] };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await ScenarioRunner.RunAsync(ScenarioParser.Parse(text), o, cts.Token);
        return (result, events.ToList());
    }
}
