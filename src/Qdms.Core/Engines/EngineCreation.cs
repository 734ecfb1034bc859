using System.Text.Json;

namespace Qdms.Core.Engines;

/// <summary>What an engine type needs to create one engine: the instance it is for and its validated config.</summary>
public sealed record EngineCreation(string Type, string Alias, int Index, JsonElement Config);
