using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;

namespace Qdms.Bench.SnmpPoll;

/// <summary>
/// Sets up a running QDMS server for the polling benchmark (a 20-OID profile, one SNMP device per simulated agent, an snmp
/// engine) and measures one steady-state window: polls done and on time, timeouts, CPU and memory of the server and the simulator.
/// </summary>
internal sealed class PollDriver(Dictionary<string, string> options)
{
    private string Opt(string name, string fallback) => options.GetValueOrDefault(name, fallback);

    private int Int(string name, int fallback) => int.Parse(Opt(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public async Task<int> RunAsync()
    {
        var agents = Int("agents", 10_000);
        var basePort = Int("base-port", 30_000);
        var oids = Int("oids", 20);
        var interval = Int("interval", 60);
        var warmup = Int("warmup", 30);
        var seconds = Int("seconds", 120);
        var serverPid = Int("server-pid", 0);
        var simulatorPid = Int("sim-pid", 0);
        var http = new HttpClient { BaseAddress = new Uri(Opt("url", "http://127.0.0.1:18490") + "/"), Timeout = TimeSpan.FromMinutes(5) };
        var client = new QdmsClient(http);
        client.UseToken((await client.LoginAsync("admin", Opt("password", "bench-password-1"))).Token);

        var scalars = Enumerable.Range(1, oids).Select(n => (n % 4) switch
        {
            1 => new SnmpObjectDto(SimulatedMib.ObjectOid(n).ToString(), $"counter{n}", $"bench.c{n}_ps", "rate"),
            2 => new SnmpObjectDto(SimulatedMib.ObjectOid(n).ToString(), $"gauge{n}", $"bench.g{n}", "gauge"),
            _ => new SnmpObjectDto(SimulatedMib.ObjectOid(n).ToString(), $"value{n}"),
        }).ToList();
        await client.CreateSnmpProfileAsync(new SnmpProfileRequest("bench", interval, scalars));

        var created = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < agents)
            {
                await client.CreateSnmpDeviceAsync(new CreateSnmpDeviceRequest("127.0.0.1", "2c", basePort + i, "public", Name: $"sim-{i}", Tags: ["bench"]));
            }
        }));
        Console.WriteLine($"created {agents} SNMP devices in {created.Elapsed.TotalSeconds:0.0} s ({agents / created.Elapsed.TotalSeconds:0} /s)");
        await client.AssignSnmpProfileAsync(new SnmpAssignmentRequest("bench", Tag: "bench"));

        using var config = JsonDocument.Parse($$"""{"trapPort": 0, "trapHost": "127.0.0.1", "maxConcurrentPolls": {{Int("concurrency", 500)}}, "timeoutMs": 2000, "retries": 1}""");
        var engine = await client.AddEngineAsync(new AddEngineRequest("snmp", "bench", config.RootElement.Clone()));
        await client.StartEngineAsync("snmp", engine.Index);
        Console.WriteLine($"engine started; warming up {warmup} s, then measuring {seconds} s (profile interval {interval} s, {oids} OIDs + sysUpTime per GET)");
        await Task.Delay(TimeSpan.FromSeconds(warmup));

        var before = (await client.GetEngineAsync("snmp", engine.Index)).Details;
        var cpu0 = ProcessStats.CpuSeconds(serverPid);
        var simCpu0 = simulatorPid > 0 ? ProcessStats.CpuSeconds(simulatorPid) : 0;
        var clock = Stopwatch.StartNew();
        var rss = new List<double>();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            rss.Add(ProcessStats.RssMiB(serverPid));
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var after = (await client.GetEngineAsync("snmp", engine.Index)).Details;
        var cpu = (ProcessStats.CpuSeconds(serverPid) - cpu0) / elapsed * 100;
        var simCpu = simulatorPid > 0 ? (ProcessStats.CpuSeconds(simulatorPid) - simCpu0) / elapsed * 100 : 0;
        long D(string key) => long.Parse(after.GetValueOrDefault(key, "0"), CultureInfo.InvariantCulture) - long.Parse(before.GetValueOrDefault(key, "0"), CultureInfo.InvariantCulture);

        var polls = D("pollsDone");
        var expected = agents * elapsed / interval;
        Console.WriteLine($"window {elapsed:0} s: polls {polls} (expected {expected:0}: {polls / expected:P1}), on time {D("pollsOnTime")} ({(double)D("pollsOnTime") / Math.Max(1, polls):P2}), " +
            $"timeouts {D("pollTimeouts")}, errors {D("pollErrors")}, skipped {D("pollsSkipped")}");
        Console.WriteLine($"values/s {polls * (oids + 1) / elapsed:0}, parameters written/s {D("parametersWritten") / elapsed:0}, measurements written/s {D("measurementsWritten") / elapsed:0}, " +
            $"write failures {D("writeFailures")}, lag mean {after.GetValueOrDefault("lagMeanMs")} ms (since start), lag max {after.GetValueOrDefault("lagMaxMs")} ms");
        Console.WriteLine($"server CPU {cpu:0.0}% of one core (machine: {Environment.ProcessorCount} cores), RSS median {Median(rss):0} MiB max {rss.Max():0} MiB; simulator CPU {simCpu:0.0}%");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
