using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using Qdms.Protocols.Xmpp;
using Qdms.Testing;

// bench/Qdms.Bench.Xmpp [--seconds 5] [--runs 3] [--inflight 1,16,64]
// Starts its own prosody (tests/peers/prosody.sh), signs in two clients over STARTTLS + SCRAM-SHA-1, and has one send iq gets
// to the other (which answers an empty result) for --seconds per run, with 1, 16, 64 … iqs in flight. Prints iq round trips
// per second and the p50/p99 round-trip latency of each run, then the median per in-flight count.
var seconds = 5;
var runs = 3;
int[] inflights = [1, 16, 64];
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--inflight": inflights = [.. args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
        default: Console.Error.WriteLine("usage: Qdms.Bench.Xmpp [--seconds N] [--runs N] [--inflight 1,16,64]"); return 2;
    }
}

using var prosody = new ProsodyServer();
XmppClientOptions Options((string Jid, string Password) account) => new()
{
    Host = "127.0.0.1",
    Port = prosody.Port,
    Jid = Jid.Parse(account.Jid),
    Password = account.Password,
    PinnedCertificate = prosody.CertificateThumbprint,
};

var signIn = Stopwatch.StartNew();
await using var asker = await XmppClient.ConnectAsync(Options(prosody.NewAccount("bench-acs")));
var signInMs = signIn.Elapsed.TotalMilliseconds;
await using var answerer = await XmppClient.ConnectAsync(Options(prosody.NewAccount("bench-cpe")));
answerer.OnIq((_, _) => Task.FromResult<XElement?>(null));
XNamespace annex = "urn:broadband-forum-org:cwmp:xmppConnReq-1-0";
var payload = new XElement(annex + "connectionRequest", new XElement(annex + "username", "cr"), new XElement(annex + "password", "secret"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prosody on 127.0.0.1:{prosody.Port}; sign-in (TCP + STARTTLS + SCRAM-SHA-1 + bind) {signInMs:F0} ms"));

// warm-up
for (var i = 0; i < 200; i++)
{
    await asker.SendIqAsync("get", answerer.BoundJid, payload);
}

var medians = new List<string>();
foreach (var inflight in inflights)
{
    var rates = new List<double>();
    for (var run = 1; run <= runs; run++)
    {
        var latencies = new List<double>[inflight];
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, inflight).Select(async w =>
        {
            var mine = latencies[w] = [];
            while (deadline.Elapsed < limit)
            {
                var started = Stopwatch.GetTimestamp();
                await asker.SendIqAsync("get", answerer.BoundJid, payload);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = deadline.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        var rate = all.Count / elapsed;
        rates.Add(rate);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in flight {inflight,3} run {run}: {all.Count,7} iqs  {rate,8:F0} iq/s  p50 {all[all.Count / 2],6:F2} ms  p99 {all[Math.Min(all.Count - 1, all.Count * 99 / 100)],6:F2} ms"));
    }

    medians.Add(string.Create(CultureInfo.InvariantCulture, $"in flight {inflight,3}: median {rates.Order().ElementAt(rates.Count / 2),8:F0} iq/s"));
}

foreach (var line in medians)
{
    Console.WriteLine(line);
}

return 0;
