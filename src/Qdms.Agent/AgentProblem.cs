using System.Text.Json.Serialization;

namespace Qdms.Agent;

/// <summary>An RFC 9457 <c>application/problem+json</c> body.</summary>
internal sealed record AgentProblem(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("detail")] string Detail);
