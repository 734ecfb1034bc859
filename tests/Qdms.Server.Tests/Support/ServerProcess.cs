using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Qdms.Client;
using Qdms.Testing;

namespace Qdms.Server.Tests.Support;

/// <summary>
/// The built server (artifacts/bin/Qdms.Server) as a separate OS process on a free loopback port, for what an in-process host
/// cannot show: start-up failures, the first-start password file, and <c>kill -9</c>.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public Uri BaseAddress => _listening.Task.Result;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int Id => _process.Id;

    public static string ServerDll
    {
        get
        {
            var config = AppContext.BaseDirectory.Contains("/release/", StringComparison.Ordinal) ? "release" : "debug";
            return Path.Combine(RepoPaths.Root, "artifacts", "bin", "Qdms.Server", config, "Qdms.Server.dll");
        }
    }

    /// <summary>Starts the server with <paramref name="args"/>; <c>--urls http://127.0.0.1:0</c> is added unless given.</summary>
    public static ServerProcess Start(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(ServerDll);
        psi.ArgumentList.Add("serve");
        var list = args.ToList();
        foreach (var a in list)
        {
            psi.ArgumentList.Add(a);
        }

        if (!list.Contains("--urls"))
        {
            psi.ArgumentList.Add("--urls");
            psi.ArgumentList.Add("http://127.0.0.1:0");
        }

        psi.Environment.Remove("QDMS_ADMIN_PASSWORD");
        psi.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            psi.Environment[k] = v;
        }

        var server = new ServerProcess(new Process { StartInfo = psi, EnableRaisingEvents = true });
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.Exited += (_, _) => server._listening.TrySetException(new InvalidOperationException("The server exited before listening:\n" + server.Output));
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for "Now listening on:" (bounded), and returns a client for the server.</summary>
    public async Task<QdmsClient> WaitUntilListeningAsync(TimeSpan? timeout = null)
    {
        var uri = await _listening.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return new QdmsClient(new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(100) });
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // flush the redirected streams
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine's OOM killer or an operator's kill -9 strikes.</summary>
    public async Task KillHardAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillHardAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var m = Listening().Match(line);
        if (m.Success)
        {
            _listening.TrySetResult(new Uri(m.Groups["url"].Value.TrimEnd('/') + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex Listening();
}
