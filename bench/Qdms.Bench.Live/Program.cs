using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Qdms.Bench.Live;
using Qdms.Client;
using Qdms.Contracts;

// Live stream fan-out: N readers of GET /api/v1/live?topics=task, W tasks queued through the API by 4 writers; how many
// messages per second reach the readers, and the delay from each task's creation (its createdAt, server clock) to its
// arrival at each reader (same machine, same clock).
//   dotnet run -c Release --project bench/Qdms.Bench.Live -- --url http://127.0.0.1:18483 --password P [--clients 1,10,100] [--tasks 2000]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:18483"));
var password = options.GetValueOrDefault("password", "bench-password-1");
var clientCounts = options.GetValueOrDefault("clients", "1,10,100").Split(',').Select(int.Parse).ToList();
var tasks = int.Parse(options.GetValueOrDefault("tasks", "2000"), CultureInfo.InvariantCulture);
const int Writers = 4;

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
var admin = new QdmsClient(http);
admin.UseToken((await admin.LoginAsync("admin", password)).Token);
var device = await admin.CreateDeviceAsync(new CreateDeviceRequest(
    [new DeviceIdentityDto("tr069", "bench-live-" + Guid.NewGuid().ToString("N")[..8])], null, "Bench", null, null, null, null, null, null, null));

Console.WriteLine("| readers | tasks | writes/s | messages delivered/s | delay p50 | delay p99 | dropped readers |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var n in clientCounts)
{
    var round = await RunAsync(n);
    var sorted = round.DelaysMs.Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {n} | {tasks} | {tasks / round.WriteSeconds:N0} | {round.Delivered / round.DeliverSeconds:N0} | {Pct(sorted, 0.5):0.0} ms | {Pct(sorted, 0.99):0.0} ms | {round.Dropped} |"));
}

async Task<LiveRound> RunAsync(int n)
{
    using var stop = new CancellationTokenSource();
    var delays = new ConcurrentBag<double>();
    long delivered = 0;
    var dropped = 0;
    var ready = new CountdownEvent(n);
    var done = new CountdownEvent(n);
    var readers = Enumerable.Range(0, n).Select(_ => Task.Run(async () =>
    {
        var received = 0;
        var mine = new List<double>(tasks);
        try
        {
            await foreach (var m in admin.ReadLiveAsync(device.Id, ["task"], stop.Token))
            {
                var now = DateTimeOffset.UtcNow;
                if (m.Type == "ready")
                {
                    ready.Signal();
                    continue;
                }

                if (m.Type == "dropped")
                {
                    Interlocked.Increment(ref dropped);
                    break;
                }

                mine.Add((now - m.As<DeviceTaskDto>().CreatedAt).TotalMilliseconds);
                Interlocked.Increment(ref delivered);
                if (++received == tasks)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            foreach (var d in mine)
            {
                delays.Add(d);
            }

            done.Signal();
        }
    })).ToList();
    ready.Wait(TimeSpan.FromSeconds(60));

    var clock = Stopwatch.StartNew();
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
    {
        while (Interlocked.Increment(ref next) < tasks)
        {
            await admin.CreateTaskAsync(device.Id, new CreateTaskRequest("reboot", null, null));
        }
    })));
    var writeSeconds = clock.Elapsed.TotalSeconds;
    done.Wait(TimeSpan.FromSeconds(120));
    var deliverSeconds = clock.Elapsed.TotalSeconds;
    await stop.CancelAsync();
    await Task.WhenAll(readers);
    return new LiveRound(n, tasks, writeSeconds, deliverSeconds, delivered, dropped, [.. delays]);
}

static double Pct(List<double> sorted, double q) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
