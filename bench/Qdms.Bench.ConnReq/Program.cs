using System.Diagnostics;
using System.Globalization;
using Qdms.Client;
using Qdms.Tools.CpeSim;

// connreq --url http://127.0.0.1:18484 --password P --acs http://127.0.0.1:18548/ [--count 1000] [--concurrency 16]
//         [--cr-user acs-cr --cr-password cr-secret]
// Boots --count simulated CPEs whose connection requests one shared listener takes (Digest MD5, the CPEs' credentials set to
// --cr-user/--cr-password), then asks the server to wake every one through POST /api/v1/devices/{id}/connection-request,
// --concurrency at a time. Reports the wake-ups sent per second (each an API call, the ACS's two-leg Digest GET to the CPE
// and the 200), the p50/p99 API latency, and how fast the sessions they start (6 CONNECTION REQUEST) complete; first, as a floor,
// the rate of plain GET /api/v1/devices/{id} calls at the same concurrency, and the wake-ups with the CPEs starting no session.
var options = ParseArguments(args);
if (options is null)
{
    Console.Error.WriteLine("usage: connreq --url API --password P --acs ACS [--count N] [--concurrency N] [--cr-user U] [--cr-password P]");
    return 2;
}

var count = int.Parse(options.GetValueOrDefault("count") ?? "1000", CultureInfo.InvariantCulture);
var concurrency = int.Parse(options.GetValueOrDefault("concurrency") ?? "16", CultureInfo.InvariantCulture);
var crUser = options.GetValueOrDefault("cr-user") ?? "acs-cr";
var crPassword = options.GetValueOrDefault("cr-password") ?? "cr-secret";
var prefix = "CR" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(options["url"]) };
var client = new QdmsClient(http);
client.UseToken((await client.LoginAsync("admin", options["password"])).Token);

var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Models", "tr181-gateway.model"));
await using var listener = ConnectionRequestListener.Start();
using var fleet = new CpeFleet(count, prefix, serial => DataModel.Parse(lines, serial), new CpeOptions(new Uri(options["acs"])));
foreach (var cpe in fleet.Cpes)
{
    cpe.Model.Find("Device.ManagementServer.ConnectionRequestUsername")!.Value = crUser;
    cpe.Model.Find("Device.ManagementServer.ConnectionRequestPassword")!.Value = crPassword;
    listener.Register(cpe);
}

var boot = await fleet.RunAllAsync((cpe, ct) => cpe.BootAsync(ct), 32, CancellationToken.None);
Console.WriteLine($"booted {boot.Outcomes.Count(o => o.Completed)} of {count} CPEs in {boot.Elapsed.TotalSeconds:F1} s");

var ids = new List<long>();
for (var page = 1; ids.Count < count; page++)
{
    var found = await client.ListDevicesAsync(q: prefix, page: page, size: 1000);
    ids.AddRange(found.Items.Select(d => d.Id));
    if (found.Items.Count == 0)
    {
        break;
    }
}

// The floor: the same number of authenticated API calls that only read the device (no audit, no CPE), at the same concurrency.
var floor = Stopwatch.StartNew();
await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) => await client.GetDeviceAsync(id, ct));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"API floor: GET /api/v1/devices/{{id}} x {ids.Count}: {ids.Count / floor.Elapsed.TotalSeconds:F0} calls/s"));

// Phase 1: the wake-ups alone (the CPEs answer 200 but start no session); phase 2: again, each starting its session.
listener.StartSessions = false;
await WakeAllAsync("requests only", client, ids, concurrency);
listener.StartSessions = true;
var watch = Stopwatch.StartNew();
var sent = await WakeAllAsync("with sessions", client, ids, concurrency);

// The sessions run on the CPEs' own connections after the 200; wait (bounded) until every woken CPE has finished its session.
var deadline = Stopwatch.StartNew();
while (listener.SessionsCompleted + listener.SessionsFailed < sent && deadline.Elapsed < TimeSpan.FromSeconds(120))
{
    await Task.Delay(5);
}

var sessionsElapsed = watch.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"sessions with 6 CONNECTION REQUEST: {listener.SessionsCompleted} completed, {listener.SessionsFailed} failed, all done {sessionsElapsed.TotalSeconds:F2} s after the first wake-up "
    + $"({listener.SessionsCompleted / sessionsElapsed.TotalSeconds:F0} sessions/s); the CPEs answered {listener.Accepted} requests 200 and {listener.Challenged} 401 in both phases"));
return 0;

static async Task<int> WakeAllAsync(string phase, QdmsClient client, List<long> ids, int concurrency)
{
    var latencies = new List<double>();
    var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) =>
    {
        var started = Stopwatch.GetTimestamp();
        var result = await client.WakeDeviceAsync(id, ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (latencies)
        {
            latencies.Add(elapsed);
            statuses[result.Status] = statuses.GetValueOrDefault(result.Status) + 1;
        }
    });
    var sent = statuses.GetValueOrDefault("sent");
    latencies.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{phase,-14} wake-ups {ids.Count}: {string.Join(", ", statuses.Select(s => $"{s.Value} {s.Key}"))}; {sent / watch.Elapsed.TotalSeconds:F0} sent/s at concurrency {concurrency}; "
        + $"API latency p50 {latencies[latencies.Count / 2]:F1} ms p99 {latencies[Math.Min(latencies.Count - 1, latencies.Count * 99 / 100)]:F1} ms"));
    return sent;
}

static Dictionary<string, string>? ParseArguments(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        result[args[i][2..]] = args[i + 1];
    }

    return args.Length % 2 == 0 && result.ContainsKey("url") && result.ContainsKey("password") && result.ContainsKey("acs") ? result : null;
}
