using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Qdms.Client;
using Qdms.Testing;

namespace Qdms.Portal.Tests.Support;

/// <summary>
/// The built server (artifacts/bin/Qdms.Server) as its own OS process on a free loopback port with a fresh SQLite data
/// directory, serving the built portal (portal/dist, found from the server's directory) — what an operator runs.
/// </summary>
public sealed partial class ServerUnderTest : IAsyncDisposable
{
    public const string AdminPassword = "admin-pass-123";

    private readonly Process _process;
    private readonly TempDirectory _data = new("qdms-portal-tests");
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerUnderTest(IReadOnlyDictionary<string, string> settings)
    {
        var config = AppContext.BaseDirectory.Contains("/release/", StringComparison.Ordinal) ? "release" : "debug";
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "artifacts", "bin", "Qdms.Server", config, "Qdms.Server.dll"));
        foreach (var arg in new[] { "serve", "--urls", "http://127.0.0.1:0", "--data", _data.Path })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["QDMS_ADMIN_PASSWORD"] = AdminPassword;
        psi.Environment["Qdms__Auth__PasswordIterations"] = "10000"; // fast sign-in in tests
        psi.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            psi.Environment[key] = value;
        }

        _process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("The server exited before listening:\n" + Output));
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

    /// <summary>Starts the server and waits (bounded) until it listens.</summary>
    public static async Task<ServerUnderTest> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new ServerUnderTest(settings ?? new Dictionary<string, string>());
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server._listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    /// <summary>A REST client for the server, signed in as <paramref name="username"/> when given.</summary>
    public async Task<QdmsClient> ClientAsync(string? username = "admin", string password = AdminPassword)
    {
        var client = new QdmsClient(new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) });
        if (username is not null)
        {
            client.UseToken((await client.LoginAsync(username, password)).Token);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _data.Dispose();
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
