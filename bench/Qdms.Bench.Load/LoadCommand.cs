using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Qdms.Bench.Load;

/// <summary>
/// A closed-loop HTTP load generator for QDMS's REST API: N workers each send the next request as soon as the last one
/// answered, for a fixed time, after a warm-up. Prints throughput and latency percentiles.
/// <code>
/// dotnet run -c Release --project bench/Qdms.Bench.Load -- --url http://127.0.0.1:8080 --user admin --password P
///     --scenario list|filter|get|task --concurrency 8 --seconds 20 [--devices 100000]
/// </code>
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = Options.Parse(args);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency * 2 }) { BaseAddress = new Uri(o.Url) };
        var login = await http.PostAsJsonAsync("api/v1/auth/login", new { username = o.User, password = o.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var ids = await DeviceIdsAsync(http, o);
        Func<int, long, HttpRequestMessage> next = o.Scenario switch
        {
            // page through the whole inventory, 50 a page
            "list" => (_, n) => new HttpRequestMessage(HttpMethod.Get, $"api/v1/devices?page={(n % Math.Max(1, o.Devices / 50)) + 1}&size=50"),
            // a search that matches ~1/1000 of the devices (serials are SN-000000 … ), plus a group filter page
            "filter" => (_, n) => new HttpRequestMessage(HttpMethod.Get, n % 2 == 0
                ? $"api/v1/devices?q=SN-{n % 100:D3}&size=50"
                : $"api/v1/devices?group=group-{n % 20}&page={(n % 50) + 1}&size=50"),
            "get" => (_, n) => new HttpRequestMessage(HttpMethod.Get, $"api/v1/devices/{ids[(int)(n % ids.Length)]}"),
            "task" => (_, n) => new HttpRequestMessage(HttpMethod.Post, $"api/v1/devices/{ids[(int)(n % ids.Length)]}/tasks")
            {
                Content = new StringContent("{\"kind\":\"reboot\"}", Encoding.UTF8, "application/json"),
            },
            _ => throw new ArgumentException($"unknown scenario '{o.Scenario}' (list, filter, get, task)"),
        };

        await RunPhaseAsync(http, next, o.Concurrency, TimeSpan.FromSeconds(o.WarmupSeconds), new LatencyRecorder());
        var recorder = new LatencyRecorder();
        var elapsed = await RunPhaseAsync(http, next, o.Concurrency, TimeSpan.FromSeconds(o.Seconds), recorder);
        var s = recorder.Summary();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scenario={o.Scenario} concurrency={o.Concurrency} seconds={elapsed.TotalSeconds:F1} requests={s.Count} errors={recorder.Errors} " +
            $"rps={s.Count / elapsed.TotalSeconds:F0} p50={s.P50:F2}ms p90={s.P90:F2}ms p99={s.P99:F2}ms max={s.Max:F2}ms"));
        return recorder.Errors == 0 ? 0 : 1;
    }

    private static async Task<TimeSpan> RunPhaseAsync(HttpClient http, Func<int, long, HttpRequestMessage> next, int workers, TimeSpan length, LatencyRecorder recorder)
    {
        long counter = 0;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(async w =>
        {
            while (clock.Elapsed < length)
            {
                using var request = next(w, Interlocked.Increment(ref counter));
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    if (response.IsSuccessStatusCode)
                    {
                        recorder.Add((long)Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
                    }
                    else
                    {
                        recorder.Error();
                    }
                }
                catch (HttpRequestException)
                {
                    recorder.Error();
                }
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        return clock.Elapsed;
    }

    /// <summary>Ids of up to 10,000 devices to address in the get and task scenarios.</summary>
    private static async Task<long[]> DeviceIdsAsync(HttpClient http, Options o)
    {
        if (o.Scenario is not ("get" or "task"))
        {
            return [];
        }

        var ids = new List<long>();
        for (var page = 1; ids.Count < 10_000; page++)
        {
            var body = await http.GetFromJsonAsync<JsonElement>($"api/v1/devices?page={page}&size=1000");
            var items = body.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
            if (items.Count == 0)
            {
                break;
            }

            ids.AddRange(items);
        }

        return ids.Count > 0 ? [.. ids] : throw new InvalidOperationException("No devices on the server: seed some first.");
    }

    private sealed record Options(string Url, string User, string Password, string Scenario, int Concurrency, int Seconds, int WarmupSeconds, int Devices)
    {
        public static Options Parse(string[] args)
        {
            string Get(string name, string fallback)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            }

            return new Options(
                Get("--url", "http://127.0.0.1:8080"),
                Get("--user", "admin"),
                Get("--password", Environment.GetEnvironmentVariable("QDMS_PASSWORD") ?? ""),
                Get("--scenario", "list"),
                int.Parse(Get("--concurrency", "8"), CultureInfo.InvariantCulture),
                int.Parse(Get("--seconds", "20"), CultureInfo.InvariantCulture),
                int.Parse(Get("--warmup", "3"), CultureInfo.InvariantCulture),
                int.Parse(Get("--devices", "100000"), CultureInfo.InvariantCulture));
        }
    }
}
