using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qdms.Core.Engines;

/// <summary>
/// A kind of DM engine (<c>tr069</c>, <c>snmp</c>, <c>lwm2m</c>, <c>mqtt</c>, <c>echo</c> …): its config schema and defaults,
/// its config check, and the factory of its engines. Engine projects register theirs with
/// <see cref="EngineServiceCollectionExtensions.AddDmEngineType{T}"/>. Implementations are singletons and thread-safe.
/// </summary>
public interface IDmEngineType
{
    /// <summary>The type's name on the wire and in the database: lower-case letters, digits and '-', unique.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The keys the config may hold.</summary>
    IReadOnlyList<EngineConfigField> ConfigFields { get; }

    /// <summary>
    /// The default config. The manager fills every top-level key missing from a new instance's config from here,
    /// so <c>{}</c> is a valid config whenever the defaults are.
    /// </summary>
    JsonObject DefaultConfig();

    /// <summary>Checks a config (already merged with the defaults); returns one message per problem, each naming its key. Empty means valid.</summary>
    IReadOnlyList<string> Validate(JsonElement config);

    /// <summary>A new, not yet started engine for a config that <see cref="Validate"/> accepted.</summary>
    IDmEngine Create(EngineCreation creation);
}
