using System.Diagnostics;
using System.Globalization;
using System.Net;
using Qdms.Bench.Load;
using Qdms.Qos.Probing;

namespace Qdms.Bench.Qos;

/// <summary>
/// RTT probes per second to N loopback targets (127.0.0.1, 127.0.0.2 … spread over 127.x.y.z) with at most
/// <c>--inflight</c> probes outstanding, <c>--rounds</c> probes per target; prints the rate, the loss and RTT percentiles in µs.
/// </summary>
internal static class RttBench
{
    public static async Task<int> RunAsync(string[] argv)
    {
        var a = new Args(argv);
        var count = a.Int("targets", 10_000);
        var rounds = a.Int("rounds", 3);
        var inflight = a.Int("inflight", 1000);
        var timeout = TimeSpan.FromMilliseconds(a.Int("timeout-ms", 3000));
        var method = a.Text("method", "icmp");
        var targets = Targets(count);
        using var pinger = method == "icmp" ? IcmpPinger.TryOpen() ?? throw new InvalidOperationException("no ICMP socket may be opened here") : null;
        IRttProbe probe = method switch
        {
            "icmp" => pinger!,
            "tcp" => new TcpConnectProbe(RttMethod.Tcp, a.Int("port", 22)),
            _ => new TcpConnectProbe(RttMethod.Arrowhead, a.Int("port", 1)),
        };

        // warm-up: one small round, so the JIT and the socket are ready
        await RunAsync(probe, targets.Take(200).ToList(), 1, inflight, timeout);
        var (elapsed, rtts, lost) = await RunAsync(probe, targets, rounds, inflight, timeout);
        rtts.Sort();
        var sent = (long)count * rounds;
        var spread = rtts.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"RTT µs p50 {Percentile.Of(rtts, 0.5):F1} p99 {Percentile.Of(rtts, 0.99):F1} min {rtts[0]:F1}")
            : "no answers";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"qdms {method}: {sent:N0} probes to {count:N0} targets ({rounds} rounds, ≤ {inflight} in flight) in {elapsed.TotalSeconds:F3} s -> {sent / elapsed.TotalSeconds:F0} probes/s; lost {lost}; {spread}"));
        return 0;
    }

    /// <summary>127.0.0.1 … : 250 per /24, across as many /24s as needed.</summary>
    public static List<IPAddress> Targets(int count) =>
        Enumerable.Range(0, count).Select(i => new IPAddress(new byte[] { 127, (byte)(i / 62500), (byte)(i / 250 % 250), (byte)((i % 250) + 1) })).ToList();

    private static async Task<(TimeSpan Elapsed, List<double> Rtts, long Lost)> RunAsync(IRttProbe probe, List<IPAddress> targets, int rounds, int inflight, TimeSpan timeout)
    {
        using var slots = new SemaphoreSlim(inflight);
        var rtts = new List<double>(targets.Count * rounds);
        long lost = 0;
        var all = new List<Task>(targets.Count * rounds);
        var start = Stopwatch.GetTimestamp();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var target in targets)
            {
                await slots.WaitAsync();
                all.Add(OneAsync(target));
            }
        }

        await Task.WhenAll(all);
        return (Stopwatch.GetElapsedTime(start), rtts, lost);

        async Task OneAsync(IPAddress target)
        {
            try
            {
                var rtt = await probe.ProbeAsync(target, timeout, CancellationToken.None);
                if (rtt is { } us)
                {
                    lock (rtts)
                    {
                        rtts.Add(us);
                    }
                }
                else
                {
                    Interlocked.Increment(ref lost);
                }
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
