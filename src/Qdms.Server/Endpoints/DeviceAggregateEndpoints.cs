using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// <c>GET /api/v1/devices/summary?limit=N</c>: the caller's devices counted by status, protocol, model and firmware version
/// (the portal's dashboard). Any signed-in user; a tenant user counts only its tenant.
/// </summary>
internal static class DeviceAggregateEndpoints
{
    /// <summary>The most groups one dimension returns.</summary>
    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapDeviceAggregateEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/devices/summary", async (Caller caller, IDeviceAggregateStore store, int? limit, CancellationToken ct) =>
        {
            caller.Require(Role.Viewer);
            var n = limit ?? 10;
            if (n is < 1 or > MaxLimit)
            {
                throw new ValidationException("limit", $"limit must be between 1 and {MaxLimit}; got {n}.");
            }

            var s = await store.SummarizeAsync(caller.Scope, n, ct);
            var statuses = s.ByStatus.OrderByDescending(g => g.Value).ThenBy(g => g.Key)
                .Select(g => new DeviceGroupCountDto(DeviceDtoMapping.Name(g.Key), g.Value)).ToList();
            return TypedResults.Ok(new DeviceAggregatesDto(s.Total, statuses, Dtos(s.ByProtocol), Dtos(s.ByModel), Dtos(s.ByFirmwareVersion)));
        }).WithTags("Devices");
        return api;
    }

    private static List<DeviceGroupCountDto> Dtos(IReadOnlyList<DeviceGroupCount> groups) =>
        [.. groups.Select(g => new DeviceGroupCountDto(g.Key, g.Count))];
}
