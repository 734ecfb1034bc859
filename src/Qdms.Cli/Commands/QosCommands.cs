using System.CommandLine;
using System.Globalization;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>qos rank|overview|series</c>: device QoS rankings with their breakdown, and a device's KPI series.</summary>
public static class QosCommands
{
    public static Command Create(CliContext context)
    {
        var qos = new Command("qos", "Device QoS: rankings by weighted KPIs and KPI series");

        var group = new Option<string?>("--group") { Description = "Rank the devices carrying this tag" };
        var model = new Option<string?>("--model") { Description = "Rank the devices of this model (with --group: both must match)" };
        var all = new Option<bool>("--all") { Description = "Rank every device of your tenant (--group and --model narrow it)" };
        var devices = new Option<long[]>("--device") { Description = "Rank this device (repeat for more)" };
        var metrics = new Option<string?>("--metrics") { Description = "GROUP_STAT names separated by ',' (default: every group's MEAN), e.g. RTT_MAXIMUM,CPU_TOTAL_LOAD_MEAN" };
        var weights = new Option<string?>("--weights") { Description = "One weight per metric, separated by ',' (default equal; normalised)" };
        var window = new Option<string?>("--window") { Description = "Window: seconds, or 30m, 1h (default: the server's evaluation.time.window)" };
        var rank = new Command("rank", "Rank devices by QoS score, best first, with each metric's part") { group, model, all, devices, metrics, weights, window };
        rank.SetHandler(context, async (r, ct) =>
        {
            var request = new QosRankRequest(
                r.GetValue(devices) is { Length: > 0 } ids ? ids : null,
                r.GetValue(group),
                Split(r.GetValue(metrics)),
                Split(r.GetValue(weights))?.Select(ParseWeight).ToList(),
                r.GetValue(window) is { } w ? (int)ParseDuration(w, "--window").TotalSeconds : null,
                r.GetValue(model),
                r.GetValue(all) ? true : null);
            var ranking = await context.ClientFor(r).RankQosAsync(request, ct);
            if (context.Json(r))
            {
                context.WriteJson(ranking);
                return;
            }

            var columns = new List<(string, Func<QosRankedDeviceDto, object?>)>
            {
                ("#", d => d.Rank), ("Device", d => d.DeviceId), ("Name", d => d.Name), ("Score", d => d.Score.ToString("0.00", CultureInfo.InvariantCulture)),
            };
            for (var i = 0; i < ranking.Metrics.Count; i++)
            {
                var index = i;
                columns.Add(($"{ranking.Metrics[i]} ×{ranking.Weights[i]:0.###}", d => d.Metrics[index].Missing ? "no data" : d.Metrics[index].Value.ToString("0.00", CultureInfo.InvariantCulture)));
            }

            Tables.Write(context, false, ranking.Devices, [.. columns]);
            context.Console.MarkupLine($"[grey]{ranking.Devices.Count} devices, window {ranking.Window} s; score = Σ weight × value (percent; 100 = worst or no data)[/]");
        });

        var overviewWindow = new Option<string?>("--window") { Description = "Window: seconds, or 30m, 1h (default: the server's evaluation.time.window)" };
        var top = new Option<int?>("--top") { Description = "How many best and worst devices (default 5)" };
        var overview = new Command("overview", "Your measured devices by score band (every group's mean, equal weights), with the best and worst") { overviewWindow, top };
        overview.SetHandler(context, async (r, ct) =>
        {
            var o = await context.ClientFor(r).QosOverviewAsync(
                r.GetValue(overviewWindow) is { } w ? (int)ParseDuration(w, "--window").TotalSeconds : null, r.GetValue(top), ct);
            if (context.Json(r))
            {
                context.WriteJson(o);
                return;
            }

            Tables.Write(context, false, o.Bands, ("Score from", b => b.From), ("to", b => b.To), ("Devices", b => b.Count));
            context.Console.MarkupLine($"[grey]{o.Measured} measured devices, {o.NoData} without data in the last {o.Window} s[/]");
            Tables.Write(context, false, [.. o.Best.Select(d => ("best", d)), .. o.Worst.Select(d => ("worst", d))],
                ("", x => x.Item1), ("#", x => x.d.Rank), ("Device", x => x.d.DeviceId), ("Name", x => x.d.Name), ("Score", x => x.d.Score.ToString("0.00", CultureInfo.InvariantCulture)));
        });

        var device = new Argument<long>("device") { Description = "Device id" };
        var metric = new Option<string>("--metric") { Description = "rtt, cpu_total_load, memory_used, network_egress_load, network_ingress_load, disk_used …", DefaultValueFactory = _ => "rtt" };
        var since = new Option<string?>("--since") { Description = "How far back: seconds, or 30m, 1h, 2d (default: the evaluation window)" };
        var limit = new Option<int?>("--limit") { Description = "At most this many points (default 1000)" };
        var series = new Command("series", "A device's KPI series, oldest first") { device, metric, since, limit };
        series.SetHandler(context, async (r, ct) =>
        {
            DateTimeOffset? from = r.GetValue(since) is { } s ? DateTimeOffset.UtcNow - ParseDuration(s, "--since") : null;
            var points = await context.ClientFor(r).QosSeriesAsync(r.GetValue(device), r.GetValue(metric)!, from, null, r.GetValue(limit), ct);
            Tables.Write(context, context.Json(r), points,
                ("Time", p => p.Time), ("Min", p => Num(p.Minimum)), ("Max", p => Num(p.Maximum)), ("Mean", p => Num(p.Mean)), ("Median", p => Num(p.Median)),
                ("Current", p => Num(p.Current)), ("Count", p => p.Count), ("Loss %", p => Num(p.LossPercent)), ("Jitter", p => Num(p.Jitter)), ("P95", p => Num(p.P95)),
                ("Failed", p => p.Failed));
        });

        qos.Subcommands.Add(rank);
        qos.Subcommands.Add(overview);
        qos.Subcommands.Add(series);
        return qos;
    }

    private static List<string>? Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static double ParseWeight(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w
            : throw new CliException($"--weights '{text}' is not a number.");

    private static string Num(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Seconds, or a number with s, m, h or d.</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        var t = text.Trim();
        var unit = t.Length > 0 && char.IsLetter(t[^1]) ? char.ToLowerInvariant(t[^1]) : 's';
        var number = char.IsLetter(t[^1]) ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            throw new CliException($"{option} '{text}' is not a duration such as 90, 30m, 1h or 2d.");
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => throw new CliException($"{option} '{text}' has an unknown unit; use s, m, h or d."),
        };
    }
}
