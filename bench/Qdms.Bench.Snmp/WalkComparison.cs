using System.Diagnostics;
using System.Globalization;
using System.Net;
using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Bench.Snmp;

/// <summary>
/// Values per second fetched by <see cref="SnmpManager.WalkAsync"/> versus net-snmp's snmpbulkwalk, against one snmpd
/// (tests/peers/snmpd.sh) in the same run: the two alternate for several rounds, each walking the whole agent with the
/// same max-repetitions, v2c and v3 authPriv (SHA/AES). snmpbulkwalk's time is the tool's wall time (process start
/// included, MIBs off, output to a pipe); ours is the walk inside a running process (a fresh manager per round).
/// </summary>
internal static class WalkComparison
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Option(args, "--rounds", 7);
        var maxRepetitions = Option(args, "--max-repetitions", 25);
        var (pid, port, dir) = StartSnmpd();
        try
        {
            var endPoint = new IPEndPoint(IPAddress.Loopback, port);
            var root = Oid.Parse("1.3");
            var shaAes = new UsmUser("shaaes", SnmpAuthProtocol.Sha1, "authpass-shaaes", SnmpPrivProtocol.Aes128, "privpass-shaaes");
            (string Name, SnmpTarget Target, string[] Tool)[] cases =
            [
                ("v2c", new SnmpTarget(endPoint, SnmpVersion.V2c, "public") { MaxRepetitions = maxRepetitions },
                    ["-v2c", "-c", "public"]),
                ("v3 authPriv SHA/AES", new SnmpTarget(endPoint, SnmpVersion.V3, User: shaAes) { MaxRepetitions = maxRepetitions },
                    ["-v3", "-l", "authPriv", "-u", "shaaes", "-a", "SHA", "-A", "authpass-shaaes", "-x", "AES", "-X", "privpass-shaaes"]),
            ];
            Console.WriteLine($"snmpd on 127.0.0.1:{port}; {rounds} rounds, max-repetitions {maxRepetitions}, whole agent from {root}");
            Console.WriteLine("| case | ours values/s (median) | snmpbulkwalk values/s (median) | ratio | values per walk |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var (name, target, tool) in cases)
            {
                var ours = new List<double>();
                var theirs = new List<double>();
                var count = 0;
                // One warm-up of each (JIT, key localisation, snmpd caches), then alternate.
                await WalkOursAsync(target, root);
                WalkTheirs(tool, port, maxRepetitions, root);
                for (var round = 0; round < rounds; round++)
                {
                    var (n, seconds) = await WalkOursAsync(target, root);
                    ours.Add(n / seconds);
                    count = n;
                    var (m, theirSeconds) = WalkTheirs(tool, port, maxRepetitions, root);
                    theirs.Add(m / theirSeconds);
                }
                var ratio = Median(ours) / Median(theirs);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {Median(ours):N0} ({ours.Min():N0}–{ours.Max():N0}) | {Median(theirs):N0} ({theirs.Min():N0}–{theirs.Max():N0}) | {ratio:0.00} | {count:N0} |"));
            }
            return 0;
        }
        finally
        {
            Process.GetProcessById(pid).Kill();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int Count, double Seconds)> WalkOursAsync(SnmpTarget target, Oid root)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var manager = new SnmpManager();
        var walk = await manager.WalkAsync(target, root);
        return (walk.Count, stopwatch.Elapsed.TotalSeconds);
    }

    private static (int Count, double Seconds) WalkTheirs(string[] security, int port, int maxRepetitions, Oid root)
    {
        var stopwatch = Stopwatch.StartNew();
        var output = Run("snmpbulkwalk", [.. security, "-On", "-Oe", $"-Cr{maxRepetitions}", $"127.0.0.1:{port}", root.ToString()]);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return (output.Split('\n').Count(l => l.StartsWith('.') && l.Contains(" = ", StringComparison.Ordinal)), seconds);
    }

    private static (int Pid, int Port, string Dir) StartSnmpd()
    {
        var script = Path.Combine(RepoRoot(), "tests", "peers", "snmpd.sh");
        var fields = Run("bash", [script, "0"]).Trim().Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        return (int.Parse(fields["PID"], CultureInfo.InvariantCulture), int.Parse(fields["PORT"], CultureInfo.InvariantCulture), fields["DIR"]);
    }

    private static string Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["MIBS"] = "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {error.Result}");
        return output.Result;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QDMS.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("QDMS.slnx not found above " + AppContext.BaseDirectory);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
