using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Qdms.Agent;

/// <summary>Source-generated JSON for the responses: a trimmed publish has no reflection-based serialisation.</summary>
[JsonSerializable(typeof(Dictionary<string, double[]>))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class AgentJson : JsonSerializerContext;
