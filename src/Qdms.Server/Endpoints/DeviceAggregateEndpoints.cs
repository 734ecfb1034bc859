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
        api.MapGet("/devices/summary", async (Caller caller, DeviceService devices, IDeviceAggregateStore store, int? limit, CancellationToken ct) =>
        {
            caller.Require(Role.Viewer);
            var n = limit ?? 10;
            if (n is < 1 or > MaxLimit)
            {
                throw new ValidationException("limit", $"limit must be between 1 and {MaxLimit}; got {n}.");
            }

            // Four independent reads, each on its own connection: run them side by side.
            var statusTask = devices.CountByStatusAsync(caller, ct);
            var protocols = CountAsync(store, caller, DeviceDimension.Protocol, n, ct);
            var models = CountAsync(store, caller, DeviceDimension.Model, n, ct);
            var firmware = CountAsync(store, caller, DeviceDimension.FirmwareVersion, n, ct);
            await Task.WhenAll(statusTask, protocols, models, firmware);
            var byStatus = await statusTask;
            var statuses = byStatus.OrderByDescending(s => s.Value).ThenBy(s => s.Key)
                .Select(s => new DeviceGroupCountDto(DeviceDtoMapping.Name(s.Key), s.Value)).ToList();
            return TypedResults.Ok(new DeviceAggregatesDto(byStatus.Values.Sum(), statuses, await protocols, await models, await firmware));
        }).WithTags("Devices");
        return api;
    }

    private static async Task<IReadOnlyList<DeviceGroupCountDto>> CountAsync(
        IDeviceAggregateStore store, Caller caller, DeviceDimension dimension, int limit, CancellationToken ct) =>
        (await store.CountByAsync(caller.Scope, dimension, limit, ct)).Select(g => new DeviceGroupCountDto(g.Key, g.Count)).ToList();
}
