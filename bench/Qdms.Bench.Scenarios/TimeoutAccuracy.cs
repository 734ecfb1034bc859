using Qdms.Scenarios.Format;
using Qdms.Scenarios.Running;
using Qdms.Scenarios.Simulator;

namespace Qdms.Bench.Scenarios;

/// <summary>
/// How late a step timeout fires: <c>--count</c> steps (default 200) with <c>--timeout-ms</c> (default 100) against a terminal
/// that never answers; lateness = (the step's end event − its write event) − the timeout, in µs. Prints p50, p99 and max.
/// <c>--concurrent N</c> runs that many such runs side by side (default 1). Then, as a baseline under the same load, how late
/// a bare <c>Task.Delay</c> of the same length wakes.
/// </summary>
internal static class TimeoutAccuracy
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Args.Int(args, "--count", 200);
        var timeoutMs = Args.Int(args, "--timeout-ms", 100);
        var concurrent = Args.Int(args, "--concurrent", 1);
        await using var sim = new TcpSimulatorHost(() => new SimulatorOptions { Faults = new FaultPlan((_, _) => new SimulatorFault(FaultKind.Silence)) });
        var doc = ScenarioParser.Parse($$"""
            version: 1
            name: timeouts
            transport: { kind: tcp, host: 127.0.0.1, port: {{sim.Port}} }
            framing: { kind: delimiter, delimiter: "\r\n" }
            steps:
              - { id: silent, repeat: {{count}}, send: "AT\r\n", expect: OK, timeout: {{timeoutMs}}ms }
            """);
        var lateness = new List<long>();
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(0, concurrent).Select(run => Task.Run(async () =>
        {
            long sent = 0;
            var local = new List<long>();
            var sink = new DelegateSink(e =>
            {
                if (e.Kind == RunEventKind.Tx)
                {
                    sent = e.Micros;
                }
                else if (e.Kind == RunEventKind.StepEnded)
                {
                    local.Add(e.Micros - sent - (timeoutMs * 1000L));
                }
            });
            _ = await ScenarioRunner.RunAsync(doc, new RunOptions { Sinks = [sink] }, CancellationToken.None);
            lock (gate)
            {
                lateness.AddRange(local.Skip(5));
            }
        })));
        lateness.Sort();

        // The platform's own timer under the same load: how late a bare Task.Delay of the same length wakes up.
        var baseline = new List<long>();
        for (var i = 0; i < Math.Min(count, 200); i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            await Task.Delay(timeoutMs);
            baseline.Add((long)(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMicroseconds - (timeoutMs * 1000L)));
        }

        baseline.Sort();
        Console.WriteLine($"{lateness.Count} timeouts of {timeoutMs} ms ({concurrent} run(s) side by side, first 5 of each run skipped as warm-up): "
            + $"late by p50 {Throughput.Pct(lateness, 0.50)} us  p99 {Throughput.Pct(lateness, 0.99)} us  max {lateness[^1]} us  min {lateness[0]} us");
        Console.WriteLine($"baseline Task.Delay({timeoutMs}) x {baseline.Count}: late by p50 {Throughput.Pct(baseline, 0.50)} us  p99 {Throughput.Pct(baseline, 0.99)} us  max {baseline[^1]} us");
        return 0;
    }
}
