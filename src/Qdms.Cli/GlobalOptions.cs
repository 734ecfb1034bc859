using System.CommandLine;

namespace Qdms.Cli;

/// <summary>Options every command takes.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Server { get; } = new("--server")
    {
        Description = "QDMS base URL (default: the one saved by `qdms login`, $QDMS_URL, or http://127.0.0.1:8080)",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Bearer token (default: the one saved by `qdms login`, or $QDMS_TOKEN)",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON instead of tables, for scripts",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Server);
        root.Options.Add(Token);
        root.Options.Add(Json);
    }
}
