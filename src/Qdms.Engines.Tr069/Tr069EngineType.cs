using System.Text.Json;
using System.Text.Json.Nodes;
using Qdms.Core.Engines;

namespace Qdms.Engines.Tr069;

/// <summary>
/// The <c>tr069</c> engine type: a TR-069 ACS (CWMP 1.0–1.4 over HTTP). Each engine hosts its own Kestrel server on the
/// configured address and port, runs CWMP sessions, keeps the inventory up to date from Informs and turns queued tasks into RPCs.
/// </summary>
public sealed class Tr069EngineType(Tr069Services services) : IDmEngineType
{
    public string Name => "tr069";

    public string Description => "TR-069 ACS: CWMP sessions over HTTP, device inventory from Informs, tasks as RPCs.";

    public IReadOnlyList<EngineConfigField> ConfigFields { get; } =
    [
        new("address", "string", "IP address to listen on"),
        new("port", "integer", "TCP port to listen on (7547); 0 picks a free one (shown in the status as boundPort)"),
        new("sessionTimeoutSeconds", "integer", "seconds of silence after which a CWMP session is dropped"),
        new("maxBodyBytes", "integer", "largest request body accepted; a larger one is answered 413"),
        new("fileBaseUrl", "string", "base URL CPEs fetch repository files under; empty: Qdms:Files:PublicBaseUrl"),
        new("maxSessions", "integer", "live sessions beyond which a new one is answered 503 with Retry-After (overload shedding)"),
        new("maxInformsInFlight", "integer", "Informs being started at once (database work before the InformResponse) beyond which a new session is answered 503"),
    ];

    public JsonObject DefaultConfig() => new()
    {
        ["address"] = Tr069Config.DefaultAddress,
        ["port"] = Tr069Config.DefaultPort,
        ["sessionTimeoutSeconds"] = Tr069Config.DefaultSessionTimeoutSeconds,
        ["maxBodyBytes"] = Tr069Config.DefaultMaxBodyBytes,
        ["fileBaseUrl"] = "",
        ["maxSessions"] = Tr069Config.DefaultMaxSessions,
        ["maxInformsInFlight"] = Tr069Config.DefaultMaxInformsInFlight,
    };

    public IReadOnlyList<string> Validate(JsonElement config)
    {
        var problems = new List<string>();
        Tr069Config.TryRead(config, problems);
        return problems;
    }

    public IDmEngine Create(EngineCreation creation)
    {
        var problems = new List<string>();
        var config = Tr069Config.TryRead(creation.Config, problems)
            ?? throw new InvalidOperationException($"Invalid tr069 engine config: {string.Join("; ", problems)}");
        return new Tr069Engine(config, services, $"{creation.Alias}#{creation.Index}");
    }
}
