using System.CommandLine;
using Qdms.Cli.Commands;
using Spectre.Console;

namespace Qdms.Cli;

/// <summary>The <c>qdms</c> admin CLI: every command talks to the REST API, so it works against a remote server too.</summary>
public static class CliApp
{
    /// <param name="handler">Tests pass an in-process server's handler; null uses real sockets.</param>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CliConfigStore? configStore = null, HttpMessageHandler? handler = null)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("QDMS admin CLI. `qdms serve` (through the ./qdms launcher) starts the server.");
        globals.AddTo(root);
        var context = new CliContext(globals, console, configStore ?? CliConfigStore.Default()) { Handler = handler };

        foreach (var command in AllCommands(context))
        {
            root.Subcommands.Add(command);
        }

        // Help goes where the rest of the output goes, so it shows in the console the CLI was given (a test's, too).
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Profile.Out.Writer });
    }

    /// <summary>Each area adds its command group here.</summary>
    private static IEnumerable<Command> AllCommands(CliContext context) =>
    [
        .. LoginCommands.Create(context),
        UserCommands.Create(context),
        TenantCommands.Create(context),
        TokenCommands.Create(context),
        AuditCommands.Create(context),
        EventCommands.Create(context),
        EngineCommands.Create(context),
        ServiceCommands.Create(context),
        FileCommands.Create(context),
        BulkTaskCommands.AddTo(DeviceCommands.Create(context), context),
        TaskCommands.Create(context),
        ScenarioCommands.Create(context),
        SnmpCommands.Create(context),
        QosCommands.Create(context),
        ProvisioningCommands.Create(context),
        CpeAuthCommands.Create(context),
        LiveCommands.Create(context),
    ];
}
