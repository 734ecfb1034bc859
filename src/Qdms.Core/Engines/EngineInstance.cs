namespace Qdms.Core.Engines;

/// <summary>
/// A persisted DM engine instance (IF-01-04). <see cref="Index"/> counts from 1 per type and is stable: it never changes while
/// the instance exists and indexes are not compacted when another instance is removed (so "stop tr069 3" always means the same
/// engine). A new instance takes the highest index of its type plus one. <see cref="Config"/> is the JSON config merged with the
/// type's defaults. <see cref="ActualState"/>, <see cref="LastError"/> and <see cref="Node"/> are what the node running it last recorded.
/// </summary>
public sealed record EngineInstance(
    long Id,
    string Type,
    string Alias,
    int Index,
    string Config,
    EngineDesiredState DesiredState,
    EngineState ActualState,
    string? Node,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
