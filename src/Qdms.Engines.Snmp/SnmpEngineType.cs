using System.Text.Json;
using System.Text.Json.Nodes;
using Qdms.Core.Engines;

namespace Qdms.Engines.Snmp;

/// <summary>
/// The <c>snmp</c> engine type: polls SNMP devices by their profiles, runs their get/set/refresh tasks, and receives traps
/// and informs (udp 162 as root, 1162 otherwise) as device events. Run one instance per node; a second one polls the same devices again.
/// Its services are resolved when an engine is created, so the type can be listed before every store is registered.
/// </summary>
public sealed class SnmpEngineType(IServiceProvider provider) : IDmEngineType
{
    public string Name => "snmp";

    public string Description => "SNMP v1/v2c/v3 manager: polling profiles into parameters and measurements, get/set/refresh tasks, trap and inform receiver.";

    public IReadOnlyList<EngineConfigField> ConfigFields { get; } =
    [
        new("polling", "boolean", "poll the devices' profiles (false: tasks and traps only)"),
        new("spreadFirstPolls", "boolean", "spread the first polls of new devices over their interval (false: poll them at once)"),
        new("maxConcurrentPolls", "integer", "polls in flight at once"),
        new("timeoutMs", "integer", "how long one SNMP request attempt waits"),
        new("retries", "integer", "re-sends after a timed-out attempt"),
        new("reloadSeconds", "integer", "how often the polling plan is re-read from the database"),
        new("taskPollMs", "integer", "how often due get/set/refresh tasks are looked for"),
        new("traps", "boolean", "receive traps and informs"),
        new("trapHost", "string", "IP address the trap receiver binds"),
        new("trapPort", "integer", "UDP port of the trap receiver (default 162 when QDMS runs as root, 1162 otherwise; 0 picks a free one)"),
        new("trapCommunities", "array", "v1/v2c communities accepted for traps; null accepts any", Secret: true),
        new("trapUsers", "array", "SNMPv3 users accepted for traps and informs: [{name, authProtocol, authPassword, privProtocol, privPassword}]", Secret: true),
    ];

    public JsonObject DefaultConfig() => new()
    {
        ["polling"] = true,
        ["spreadFirstPolls"] = true,
        ["maxConcurrentPolls"] = 500,
        ["timeoutMs"] = 2000,
        ["retries"] = 1,
        ["reloadSeconds"] = 60,
        ["taskPollMs"] = 1000,
        ["traps"] = true,
        ["trapHost"] = "0.0.0.0",
        ["trapPort"] = SnmpEngineConfig.DefaultTrapPort(Environment.IsPrivilegedProcess),
        ["trapCommunities"] = null,
        ["trapUsers"] = new JsonArray(),
    };

    public IReadOnlyList<string> Validate(JsonElement config)
    {
        var problems = new List<string>();
        SnmpEngineConfig.TryRead(config, problems);
        return problems;
    }

    public IDmEngine Create(EngineCreation creation)
    {
        var problems = new List<string>();
        var config = SnmpEngineConfig.TryRead(creation.Config, problems) ?? throw new ArgumentException(string.Join("; ", problems), nameof(creation));
        var services = (SnmpEngineServices?)provider.GetService(typeof(SnmpEngineServices)) ?? throw new InvalidOperationException("SnmpEngineServices is not registered.");
        return new SnmpEngine(config, services, $"{creation.Alias}#{creation.Index}");
    }
}
