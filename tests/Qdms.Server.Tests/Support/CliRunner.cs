using Qdms.Cli;
using Qdms.Testing;
using Spectre.Console;

namespace Qdms.Server.Tests.Support;

/// <summary>Runs the real <c>qdms</c> CLI in-process against a test server, with its own config file, capturing what it prints.</summary>
public sealed class CliRunner(QdmsAppFactory app) : IDisposable
{
    private readonly TempDirectory _home = new("qdms-cli");

    public CliConfigStore Config => new(Path.Combine(_home.Path, "cli.json"));

    public async Task<(int Exit, string Output)> RunAsync(params string[] args)
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
        var exit = await CliApp.RunAsync([.. args, "--server", app.Server.BaseAddress.ToString()], console, Config, app.Server.CreateHandler());
        return (exit, writer.ToString());
    }

    public void Dispose() => _home.Dispose();
}
