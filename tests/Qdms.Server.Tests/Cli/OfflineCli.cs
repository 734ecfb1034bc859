using System.Net;
using System.Net.Sockets;
using Qdms.Cli;
using Qdms.Testing;
using Spectre.Console;

namespace Qdms.Server.Tests.Cli;

/// <summary>
/// Runs the CLI over real sockets against a loopback port nothing listens on, or with no server at all (for <c>--help</c>),
/// capturing both what it prints and what System.CommandLine writes.
/// </summary>
internal sealed class OfflineCli : IDisposable
{
    private readonly TempDirectory _home = new("qdms-cli-offline");

    public OfflineCli()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Server = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        listener.Stop(); // the port is now closed: connections are refused
    }

    /// <summary>A base URL on which connections are refused.</summary>
    public string Server { get; }

    /// <summary>Runs <paramref name="args"/> with a made-up token against <see cref="Server"/>.</summary>
    public Task<(int Exit, string Output)> RunAsync(params string[] args) =>
        RunRawAsync([.. args, "--server", Server, "--token", "qdms_not-a-real-token"]);

    public Task<(int Exit, string Output)> RunRawAsync(params string[] args) => RunRawAsync(null, args);

    /// <summary>Runs <paramref name="args"/> as given, over <paramref name="handler"/> when there is one.</summary>
    public async Task<(int Exit, string Output)> RunRawAsync(HttpMessageHandler? handler, params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var exit = await CliApp.RunAsync(args, console, new CliConfigStore(Path.Combine(_home.Path, "cli.json")), handler);
        return (exit, writer.ToString());
    }

    /// <summary>Asserts the command failed with exit code 4 and one line naming the server, without a stack trace.</summary>
    public async Task AssertUnreachableAsync(params string[] args)
    {
        var (exit, output) = await RunAsync(args);
        var command = string.Join(' ', args);
        Assert.True(exit == 4, $"{command}: exit {exit}\n{output}");
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"error: cannot reach {Server}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    /// <summary>Asserts the command, pointed at a web server that is not QDMS, fails with one line saying so.</summary>
    public async Task AssertNotQdmsAsync(params string[] args)
    {
        using var stub = new StubServer();
        var (exit, output) = await RunRawAsync(stub, [.. args, "--server", "http://example.test/", "--token", "qdms_not-a-real-token"]);
        var command = string.Join(' ', args);
        Assert.True(exit == 1, $"{command}: exit {exit}\n{output}");
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("http://example.test/api/v1/", line, StringComparison.Ordinal);
        Assert.Contains("is not the JSON QDMS sends", line, StringComparison.Ordinal);
    }

    /// <summary>Asserts <c>--help</c> of <paramref name="group"/> exits 0 and lists each of <paramref name="subcommands"/>.</summary>
    public async Task AssertHelpAsync(string group, params string[] subcommands)
    {
        var (exit, output) = await RunRawAsync(group, "--help");
        Assert.True(exit == 0, output);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        foreach (var sub in subcommands)
        {
            Assert.Matches($@"(?m)^\s+{sub}\b", output);
            (exit, var subHelp) = await RunRawAsync(group, sub, "--help");
            Assert.True(exit == 0, subHelp);
            Assert.Contains($"{group} {sub}", subHelp, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _home.Dispose();
}
