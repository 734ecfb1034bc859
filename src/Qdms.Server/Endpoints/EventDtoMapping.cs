using System.Text.Json;
using Qdms.Contracts;
using Qdms.Core.Events;

namespace Qdms.Server.Endpoints;

/// <summary>Device events as the API shows them (<c>GET /api/v1/events</c> items and the live stream's <c>event</c> messages).</summary>
internal static class EventDtoMapping
{
    public static DeviceEventDto ToDto(this DeviceEvent e) =>
        new(e.Id, e.TenantId, e.DeviceId, e.Source, e.Type, e.Severity.ToName(), e.Time, e.Message, e.Origin, Data(e.DataJson));

    /// <summary>An event not yet read back from its store: its id is 0, because stores append events in batches without ids.</summary>
    public static DeviceEventDto ToDto(this NewDeviceEvent e) =>
        new(0, e.TenantId, e.DeviceId, e.Source, e.Type, e.Severity.ToName(), e.Time, e.Message, e.Origin, Data(e.DataJson));

    /// <summary>The event's data as JSON; data that is not JSON (an old or foreign writer) is shown as a JSON string.</summary>
    private static JsonElement? Data(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
