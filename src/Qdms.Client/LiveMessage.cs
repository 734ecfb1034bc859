using System.Text.Json;

namespace Qdms.Client;

/// <summary>
/// One message of the live stream (<c>GET /api/v1/live</c>): its <see cref="Type"/> (<c>ready</c>, <c>device</c>, <c>task</c>,
/// <c>event</c>, <c>engine</c>, <c>dropped</c>) and its JSON <see cref="Data"/>.
/// </summary>
public sealed record LiveMessage(string Type, JsonElement Data)
{
    /// <summary>The data as <typeparamref name="T"/> (<c>DeviceTaskDto</c> for a task, <c>LiveEngineDto</c> for an engine …).</summary>
    public T As<T>() => Data.Deserialize<T>(QdmsClient.Json) ?? throw new JsonException($"The {Type} message has no data.");
}
