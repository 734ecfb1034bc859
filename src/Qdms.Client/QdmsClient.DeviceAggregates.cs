using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    /// <summary>The caller's devices counted by status, protocol, model and firmware version (at most <paramref name="limit"/> groups each).</summary>
    public Task<DeviceAggregatesDto> GetDeviceAggregatesAsync(int? limit = null, CancellationToken ct = default) =>
        GetAsync<DeviceAggregatesDto>("api/v1/devices/summary" + Query(("limit", limit)), ct);

    /// <summary>The devices of one model and/or firmware version, matched exactly.</summary>
    public Task<PageDto<DeviceDto>> ListDevicesOfReleaseAsync(string? model, string? firmware, int? page = null, int? size = null, CancellationToken ct = default) =>
        GetAsync<PageDto<DeviceDto>>("api/v1/devices" + Query(("model", model), ("firmware", firmware), ("page", page), ("size", size)), ct);
}
