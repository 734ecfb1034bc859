using System.Globalization;
using Qdms.Protocols.Cwmp;
using Qdms.Tools.CpeSim;

// cpesim --acs http://127.0.0.1:7547/ [--count 100] [--model Models/tr181-gateway.model] [--rounds 3] [--concurrency 64]
//        [--prefix SIM] [--username u --password p] [--auth basic|challenge] [--algorithm MD5|SHA-256] [--retry-scale 1] [--connections 256]
//        [--storm true] [--boot false] [--interval SECONDS --duration SECONDS] | --empty-posts SECONDS
//        [--cwmp 1.0|1.1|1.2] [--no-more-requests true]   (quirks: an older namespace; the deprecated NoMoreRequests header)
// {serial} in --username and --password becomes each CPE's serial. --auth basic (the default) sends Basic on every request;
// challenge sends nothing until a 401 and answers Digest or Basic, keeping the Digest nonce for the next session.
// Boots every CPE (0 BOOTSTRAP + 1 BOOT), then runs --rounds rounds of 2 PERIODIC sessions; prints sessions per second
// and the p50/p99 session latency of each phase. Informs answered 503 are retried after Retry-After × --retry-scale.
// --storm true: the boot is a storm (every CPE at once, one connection each). --boot false: no boot (the devices are known). --interval/--duration: after the boot,
// open-loop periodic informs (each CPE once per interval, phases spread) instead of rounds, with a latency histogram.
// --empty-posts S: no CPEs; --concurrency loops POST empty bodies to --acs for S seconds (the bare-Kestrel ceiling's client).
var options = ParseArguments(args);
if (options is null)
{
    Console.Error.WriteLine("usage: cpesim --acs URL [--count N] [--model FILE] [--rounds N] [--concurrency N] [--prefix P] [--username U --password P]"
        + " [--auth basic|challenge] [--algorithm MD5|SHA-256] [--retry-scale F] [--connections N] [--storm true] [--boot false] [--interval S --duration S]"
        + " [--cwmp 1.0|1.1|1.2] [--no-more-requests true] | --empty-posts S");
    return 2;
}

if (options.TryGetValue("empty-posts", out var emptyPosts))
{
    return await EmptyPostLoad.RunAsync(new Uri(options["acs"]), int.Parse(options.GetValueOrDefault("concurrency") ?? "64", CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(double.Parse(emptyPosts, CultureInfo.InvariantCulture)), Console.Out);
}

var modelPath = options.GetValueOrDefault("model") ?? Path.Combine(AppContext.BaseDirectory, "Models", "tr181-gateway.model");
var lines = File.ReadAllLines(modelPath);
var count = int.Parse(options.GetValueOrDefault("count") ?? "100", CultureInfo.InvariantCulture);
var rounds = int.Parse(options.GetValueOrDefault("rounds") ?? "3", CultureInfo.InvariantCulture);
var concurrency = int.Parse(options.GetValueOrDefault("concurrency") ?? "64", CultureInfo.InvariantCulture);
var style = options.GetValueOrDefault("auth") == "challenge" ? CpeAuthStyle.Challenged : CpeAuthStyle.BasicOnEveryRequest;
var storm = options.GetValueOrDefault("storm") == "true";
var cpeOptions = new CpeOptions(new Uri(options["acs"]), options.GetValueOrDefault("username") ?? options.GetValueOrDefault("user"), options.GetValueOrDefault("password"),
    AuthStyle: style, DigestAlgorithm: options.GetValueOrDefault("algorithm"))
{
    Version = options.GetValueOrDefault("cwmp") switch
    {
        "1.0" => CwmpVersion.Cwmp10,
        "1.1" => CwmpVersion.Cwmp11,
        _ => CwmpVersion.Cwmp12,
    },
    NoMoreRequests = options.GetValueOrDefault("no-more-requests") == "true",
    RetryAfterScale = double.Parse(options.GetValueOrDefault("retry-scale") ?? "1", CultureInfo.InvariantCulture),
    MaxConnections = int.Parse(options.GetValueOrDefault("connections") ?? (storm ? count.ToString(CultureInfo.InvariantCulture) : "256"), CultureInfo.InvariantCulture),
};
using var fleet = new CpeFleet(count, options.GetValueOrDefault("prefix") ?? "SIM", serial => DataModel.Parse(lines, serial), cpeOptions);

if (storm)
{
    await BootStorm.RunAsync(fleet, Console.Out);
}
else if (options.GetValueOrDefault("boot") != "false")
{
    Report("boot", await fleet.RunAllAsync((cpe, ct) => cpe.BootAsync(ct), concurrency, CancellationToken.None));
}

if (options.TryGetValue("interval", out var interval))
{
    return await SustainedLoad.RunAsync(fleet, TimeSpan.FromSeconds(double.Parse(interval, CultureInfo.InvariantCulture)),
        TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("duration") ?? "30", CultureInfo.InvariantCulture)), Console.Out);
}

for (var round = 1; round <= rounds; round++)
{
    Report($"periodic {round}", await fleet.RunAllAsync((cpe, ct) => cpe.PeriodicInformAsync(ct), concurrency, CancellationToken.None));
}

return 0;

static void Report(string phase, (IReadOnlyList<SessionOutcome> Outcomes, TimeSpan Elapsed, IReadOnlyList<TimeSpan> Latencies) run)
{
    var sorted = run.Latencies.Order().ToList();
    var completed = run.Outcomes.Count(o => o.Completed);
    var failed = run.Outcomes.Count - completed;
    var p50 = sorted.Count == 0 ? 0 : sorted[sorted.Count / 2].TotalMilliseconds;
    var p99 = sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, sorted.Count * 99 / 100)].TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{phase,-12} sessions {completed,7} failed {failed,5}  {completed / run.Elapsed.TotalSeconds,9:F0} sessions/s  p50 {p50,7:F1} ms  p99 {p99,7:F1} ms  503s {run.Outcomes.Count(o => o.HttpStatus == 503)}"));
    foreach (var error in run.Outcomes.Where(o => !o.Completed).GroupBy(o => o.Error).Take(3))
    {
        Console.WriteLine($"  {error.Count()} x {error.Key}");
    }
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

    return args.Length % 2 == 0 && result.ContainsKey("acs") ? result : null;
}
