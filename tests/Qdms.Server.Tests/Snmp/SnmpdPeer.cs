using System.Diagnostics;
using System.Globalization;
using System.Text;
using Qdms.Testing;

namespace Qdms.Server.Tests.Snmp;

/// <summary>
/// A real net-snmp agent for one test class, started by tests/peers/snmpd.sh on a free loopback port and killed on dispose
/// (the same peer as Qdms.Protocols.Snmp.Tests). Communities "public" (read-only) and "private" (read-write); v3 users
/// such as <c>sha256aes256</c> with passwords <c>authpass-&lt;user&gt;</c> and <c>privpass-&lt;user&gt;</c>.
/// </summary>
public sealed class SnmpdPeer : IDisposable
{
    private readonly int _pid;

    public SnmpdPeer()
    {
        var (exit, output, error) = Run("bash", [Path.Combine(RepoPaths.Root, "tests", "peers", "snmpd.sh"), "0"], TimeSpan.FromSeconds(60));
        if (exit != 0)
        {
            throw new InvalidOperationException($"tests/peers/snmpd.sh failed ({exit}): {error}{output}");
        }

        var fields = output.Trim().Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        _pid = int.Parse(fields["PID"], CultureInfo.InvariantCulture);
        Port = int.Parse(fields["PORT"], CultureInfo.InvariantCulture);
        Directory = fields["DIR"];
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>Runs a net-snmp tool (MIBs off) and returns its stdout; throws with its stderr when it fails.</summary>
    public static string Tool(string tool, params string[] arguments)
    {
        var (exit, output, error) = Run(tool, arguments, TimeSpan.FromMinutes(1));
        return exit == 0 ? output : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({exit}): {error}");
    }

    /// <summary>A UDP port on 127.0.0.1 that nothing listens on (bound, then released).</summary>
    public static int DeadPort()
    {
        using var socket = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        return ((System.Net.IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    private static (int Exit, string Output, string Error) Run(string file, IEnumerable<string> arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.Latin1 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MIBS"] = "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {limit}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    public void Dispose()
    {
        try
        {
            using var process = Process.GetProcessById(_pid);
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            // already gone
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
