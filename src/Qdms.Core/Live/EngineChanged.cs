using Qdms.Core.Engines;

namespace Qdms.Core.Live;

/// <summary>An engine instance was added, removed, or its state, wanted state or last error was recorded.</summary>
public sealed record EngineChanged(EngineInstance Instance, bool Removed) : LiveChange(null, null);
