using System.Text.Json.Serialization;

namespace Qdms.Agent;

/// <summary>Source-generated JSON for the response shape (no reflection at run time).</summary>
[JsonSerializable(typeof(Dictionary<string, double[]>))]
internal sealed partial class AgentJson : JsonSerializerContext;
