using System.Diagnostics;
using System.Net;
using System.Text;

namespace Qdms.Testing;

/// <summary>
/// A real net-snmp agent, started by tests/peers/snmpd.sh on a free loopback port and killed on dispose.
/// Communities "public" (read-only) and "private" (read-write); v3 users such as <c>sha256aes256</c> with passwords
/// <c>authpass-&lt;user&gt;</c> and <c>privpass-&lt;user&gt;</c>.
/// </summary>
public sealed class SnmpdAgent : IDisposable
{
    private readonly int _pid;

    public SnmpdAgent()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "peers", "snmpd.sh");
        var (exit, output, error) = Run("bash", [script, "0"], TimeSpan.FromSeconds(60));
        if (exit != 0)
            throw new InvalidOperationException($"tests/peers/snmpd.sh failed ({exit}): {error}{output}");
        var fields = output.Trim().Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        _pid = int.Parse(fields["PID"], System.Globalization.CultureInfo.InvariantCulture);
        Port = int.Parse(fields["PORT"], System.Globalization.CultureInfo.InvariantCulture);
        Directory = fields["DIR"];
    }

    /// <summary>The agent's UDP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The agent's config, log and state directory.</summary>
    public string Directory { get; }

    /// <summary>The agent's address.</summary>
    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    /// <summary>Runs a net-snmp tool against the agent (MIBs off, so output is numeric) and returns its stdout.</summary>
    public string NetSnmp(string tool, params string[] arguments) => Tool(tool, arguments);

    /// <summary>Runs a net-snmp tool (MIBs off) and returns its stdout; throws with its stderr when it fails.</summary>
    public static string Tool(string tool, params string[] arguments)
    {
        var (exit, output, error) = Run(tool, arguments, TimeSpan.FromMinutes(2));
        if (exit != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({exit}): {error}");
        return output;
    }

    /// <summary>A UDP port on 127.0.0.1 that nothing listens on (bound, then released).</summary>
    public static int DeadPort()
    {
        using var socket = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    private static (int Exit, string Output, string Error) Run(string file, IEnumerable<string> arguments, TimeSpan limit)
    {
        var start = PeerProcess.For(file, arguments);
        start.StandardOutputEncoding = Encoding.Latin1; // net-snmp prints raw octets: keep them one char per byte
        start.Environment["MIBS"] = "";
        return PeerProcess.Run(start, limit);
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
