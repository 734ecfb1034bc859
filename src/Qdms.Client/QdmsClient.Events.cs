using System.Globalization;
using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    /// <summary>Device events, newest first; <paramref name="deviceId"/> narrows to one device (404 when not visible).</summary>
    public Task<PageDto<DeviceEventDto>> ListEventsAsync(
        long? deviceId = null, string? source = null, string? type = null, string? severity = null, DateTimeOffset? from = null,
        DateTimeOffset? to = null, bool unknownOnly = false, int? page = null, int? size = null, CancellationToken ct = default)
    {
        var path = deviceId is null || unknownOnly ? "api/v1/events" : $"api/v1/devices/{deviceId}/events";
        var query = Query(
            ("deviceId", unknownOnly ? deviceId : null), ("source", source), ("type", type), ("severity", severity),
            ("from", from?.ToString("O", CultureInfo.InvariantCulture)), ("to", to?.ToString("O", CultureInfo.InvariantCulture)),
            ("unknown", unknownOnly ? "true" : null), ("page", page), ("size", size));
        return GetAsync<PageDto<DeviceEventDto>>(path + query, ct);
    }
}
