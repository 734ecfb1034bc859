namespace Qdms.Core.Engines;

/// <summary>One engine instance as <see cref="EngineManager.Snapshot"/> sees it, for metrics.</summary>
public readonly record struct EngineSnapshot(string Type, string Alias, int Index, EngineState State);
