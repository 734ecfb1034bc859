using System.Diagnostics;
using Qdms.Testing;

namespace Qdms.Qos.Tests;

/// <summary>The built qdms-agent (artifacts/bin/Qdms.Agent) as its own process on a loopback port.</summary>
internal sealed class AgentProcess : IDisposable
{
    private readonly Process _process;

    private AgentProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static string Binary
    {
        get
        {
            var config = AppContext.BaseDirectory.Contains("/release/", StringComparison.Ordinal) ? "release" : "debug";
            return Path.Combine(RepoPaths.Root, "artifacts", "bin", "Qdms.Agent", config, "qdms-agent");
        }
    }

    public static AgentProcess Start(params string[] extra)
    {
        var port = RttProbeTests.FreePort(System.Net.IPAddress.Loopback);
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(extra))
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("qdms-agent did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AgentProcess(process, port);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
