using System.Text.Json;
using System.Text.Json.Nodes;
using Qdms.Core.Engines;

namespace Qdms.Engines.Echo;

/// <summary>
/// The <c>echo</c> engine type: a TCP echo server. It speaks no device protocol; it is the engine the quick start adds and
/// the tests drive, because it binds a real port (so a port already taken makes a real failure) and counts what it serves.
/// </summary>
public sealed class EchoEngineType : IDmEngineType
{
    public string Name => "echo";

    public string Description => "TCP echo server: sends back every byte it receives (for trying out and testing the engine manager).";

    public IReadOnlyList<EngineConfigField> ConfigFields { get; } =
    [
        new("host", "string", "IP address to listen on"),
        new("port", "integer", "TCP port to listen on; 0 picks a free one (shown in the status as boundPort)"),
    ];

    public JsonObject DefaultConfig() => new() { ["host"] = EchoConfig.DefaultHost, ["port"] = EchoConfig.DefaultPort };

    public IReadOnlyList<string> Validate(JsonElement config)
    {
        var problems = new List<string>();
        EchoConfig.TryRead(config, problems);
        return problems;
    }

    public IDmEngine Create(EngineCreation creation)
    {
        var problems = new List<string>();
        var config = EchoConfig.TryRead(creation.Config, problems) ?? throw new ArgumentException(string.Join("; ", problems), nameof(creation));
        return new EchoEngine(config);
    }
}
