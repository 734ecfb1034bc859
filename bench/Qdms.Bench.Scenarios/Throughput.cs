using System.Diagnostics;
using Qdms.Scenarios.Format;
using Qdms.Scenarios.Running;
using Qdms.Scenarios.Simulator;

namespace Qdms.Bench.Scenarios;

/// <summary>
/// Steps per second: <c>--runs</c> concurrent runs (default 100), each <c>--steps</c> request/answer transactions (default 500)
/// against the simulated terminal on a loopback TCP port (one connection per run). Prints the wall time, total steps and
/// steps per second, and the response-time percentiles over all runs.
/// </summary>
internal static class Throughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Args.Int(args, "--runs", 100);
        var steps = Args.Int(args, "--steps", 500);
        await using var sim = new TcpSimulatorHost(() => new SimulatorOptions());
        var doc = ScenarioParser.Parse($$"""
            version: 1
            name: throughput
            transport: { kind: tcp, host: 127.0.0.1, port: {{sim.Port}} }
            framing: { kind: delimiter, delimiter: "\r\n" }
            steps:
              - { id: tx, repeat: {{steps}}, send: { template: "AT+ECHO=${attempt}", suffix: "\r\n" }, expect: [{ regex: '^\+ECHO: \d+$' }], timeout: 5s }
            """);

        // One short warm-up run so JIT and connection set-up are not in the figure.
        _ = await ScenarioRunner.RunAsync(doc with { Steps = [doc.Steps[0] with { Repeat = 50 }] }, new RunOptions(), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, runs).Select(_ => Task.Run(() => ScenarioRunner.RunAsync(doc, new RunOptions(), CancellationToken.None))));
        clock.Stop();
        var total = results.Sum(r => r.Steps.Count);
        var passed = results.Sum(r => r.Kpis.Served);
        var times = results.SelectMany(r => r.Steps).Where(s => s.ResponseMicros is not null).Select(s => s.ResponseMicros!.Value).Order().ToList();
        Console.WriteLine($"runs {runs} x steps {steps}: {total} steps ({passed} served) in {clock.Elapsed.TotalSeconds:0.000} s = {total / clock.Elapsed.TotalSeconds:0} steps/s");
        Console.WriteLine($"response time us: p50 {Pct(times, 0.50)}  p90 {Pct(times, 0.90)}  p99 {Pct(times, 0.99)}  max {times[^1]}");
        return passed == total ? 0 : 1;
    }

    internal static long Pct(IReadOnlyList<long> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
