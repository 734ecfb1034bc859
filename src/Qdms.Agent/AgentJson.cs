using System.Text.Json.Serialization;

namespace Qdms.Agent;

/// <summary>Source-generated JSON for the responses: a trimmed publish has no reflection-based serialisation.</summary>
[JsonSerializable(typeof(Dictionary<string, double[]>))]
[JsonSerializable(typeof(AgentProblem))]
internal sealed partial class AgentJson : JsonSerializerContext;
