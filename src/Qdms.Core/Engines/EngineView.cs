namespace Qdms.Core.Engines;

/// <summary>An engine instance with its live status (QueryDmEngineSts, IF-01-08) and its config with secret fields masked.</summary>
public sealed record EngineView(EngineInstance Instance, EngineStatus Status, string RedactedConfig);
