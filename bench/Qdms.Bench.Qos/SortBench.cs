using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Qdms.Bench.Load;
using Qdms.Contracts;
using Qdms.Core.Measurements;
using Qdms.Core.Qos;
using Qdms.Core.Security;
using Qdms.Qos.Configuration;
using Qdms.Qos.Metrics;
using Qdms.Qos.Scoring;
using Qdms.Qos.Services;
using Qdms.Qos.Targets;
using Qdms.Qos.Window;

namespace Qdms.Bench.Qos;

/// <summary>
/// Sort and filter latency of the evaluation service over N providers × 5 metric groups with a window of batches every
/// <c>--every</c> seconds: cold (first call computes every series), warm (nothing new), and steady (the batches that arrive
/// between two calls at the nominal rate recorded before each call); plus the cost of writing the JSON answer.
/// </summary>
internal static class SortBench
{
    private static readonly string[] Metrics = ["RTT_MEAN", "CPU_TOTAL_LOAD_MAXIMUM", "MEMORY_USED_CURRENT", "NETWORK_EGRESS_LOAD_MEDIAN", "NETWORK_INGRESS_LOAD_MINIMUM"];

    public static int Run(string[] argv)
    {
        var a = new Args(argv);
        var providers = a.Int("providers", 10_000);
        var windowSeconds = a.Int("window", 3600);
        var every = a.Int("every", 30);
        var iterations = a.Int("iterations", 300);
        var options = new QosOptions { EvaluationWindowSeconds = windowSeconds, RawMeasurementMaxAgeMinutes = windowSeconds / 60 + 60 };
        var window = new QosWindowStore(options.EvaluationWindow);
        var targets = new QosTargets();
        var devices = Enumerable.Range(1, providers)
            .Select(i => new QosTrackedDevice(i, 1, $"Sys{i:D5}", $"127.0.{i / 250}.{(i % 250) + 1}", [$"Sys{i:D5}"], ["1.4", "2.1", "3.1", "3.2"]))
            .ToList();
        targets.Publish(new QosTargetSet(devices));
        var now = DateTimeOffset.UtcNow;
        var random = new Random(42);
        var sw = Stopwatch.StartNew();
        long batches = 0;
        for (var t = now.AddSeconds(-windowSeconds + 1); t <= now; t = t.AddSeconds(every))
        {
            foreach (var d in devices)
            {
                foreach (var group in QosMetrics.Groups)
                {
                    window.Record(Batch(random, d.DeviceId, group, t.AddMilliseconds(random.Next(every * 1000))));
                    batches++;
                }
            }
        }

        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loaded {batches:N0} batches ({providers:N0} providers × 5 groups, one per {every} s over {windowSeconds} s) in {sw.Elapsed.TotalSeconds:F1} s; managed heap {GC.GetTotalMemory(true) / 1048576.0:F0} MB"));

        var service = new QosEvaluationService(options, targets, new QosScorer(window), TimeProvider.System);
        var caller = new Caller(1, "bench", Role.Viewer, 1);
        var names = devices.Select(d => d.Name).ToList();
        var plan = QosEvaluationPlan.Create(Metrics, [0.3, 0.2, 0.2, 0.15, 0.15], windowSeconds, options.EvaluationWindow);

        sw.Restart();
        var first = QosScorer.Rank(service.Evaluate(caller, names, plan));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold sort (every series computed): {sw.Elapsed.TotalMilliseconds:F1} ms; best {first[0].Provider} {first[0].Score:F2}"));

        Report("sort, warm", iterations, () => QosScorer.Rank(service.Evaluate(caller, names, plan)));
        Report("filter, warm", iterations, () => service.Filter(service.Evaluate(caller, names, plan), 50));

        // steady state: the batches of 100 ms at the nominal rate arrive before each call
        var perCall = Math.Max(1, providers * 5 * 100 / (every * 1000));
        var next = 0;
        Report($"sort, {perCall} new batches before each call", iterations, () => QosScorer.Rank(service.Evaluate(caller, names, plan)), () =>
        {
            for (var i = 0; i < perCall; i++, next++)
            {
                var d = devices[next / 5 % providers];
                window.Record(Batch(random, d.DeviceId, QosMetrics.Groups[next % 5], DateTimeOffset.UtcNow));
            }
        });
        Report($"filter, {perCall} new batches before each call", iterations, () => service.Filter(service.Evaluate(caller, names, plan), 50), () =>
        {
            for (var i = 0; i < perCall; i++, next++)
            {
                var d = devices[next / 5 % providers];
                window.Record(Batch(random, d.DeviceId, QosMetrics.Groups[next % 5], DateTimeOffset.UtcNow));
            }
        });

        // what the server adds: the answer as JSON (sortedProviders, warnings, scores with their breakdown)
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var bytes = 0;
        Report("sort + JSON answer", Math.Min(iterations, 100), () =>
        {
            var ranked = QosScorer.Rank(service.Evaluate(caller, names, plan));
            var answer = new QosSortResponseDto(ranked.Select(s => s.Provider).ToList(),
                ranked.Where(s => s.MissingGroups.Count > 0).ToDictionary(s => s.Provider, s => s.MissingGroups),
                ranked.ToDictionary(s => s.Provider, s => new QosProviderScoreDto(s.Score, s.Known,
                    s.Metrics.Select(m => new QosMetricScoreDto(m.Metric, m.Value, m.Weight, m.Contribution, m.Missing, m.Batches)).ToList())));
            bytes = JsonSerializer.SerializeToUtf8Bytes(answer, json).Length;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"JSON answer: {bytes / 1024.0 / 1024.0:F1} MB for {providers:N0} providers"));
        return 0;
    }

    private static void Report(string name, int iterations, Action call, Action? before = null)
    {
        for (var i = 0; i < 5; i++)
        {
            before?.Invoke();
            call();
        }

        var ms = new List<double>(iterations);
        var cpu = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            before?.Invoke();
            var cpu0 = ThreadCpu.Microseconds();
            var start = Stopwatch.GetTimestamp();
            call();
            ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            cpu.Add((ThreadCpu.Microseconds() - cpu0) / 1000);
        }

        ms.Sort();
        cpu.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-44} n={iterations,4}  wall p50 {Percentile.Of(ms, 0.5),7:F2} p99 {Percentile.Of(ms, 0.99),7:F2} ms   thread CPU p50 {Percentile.Of(cpu, 0.5),7:F2} p99 {Percentile.Of(cpu, 0.99),7:F2} ms"));
    }

    private static Measurement Batch(Random random, long device, QosMetricGroup group, DateTimeOffset at)
    {
        var scale = group == QosMetricGroup.Rtt ? 5.0 : 100.0;
        var values = Enumerable.Range(0, 5).Select(_ => random.NextDouble() * scale).Order().ToArray();
        return new Measurement(1, device, group.StoreName(), at, values[0], values[4], values.Average(), values[2], values[random.Next(5)], 5);
    }
}
