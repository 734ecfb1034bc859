using Qdms.Core.Devices;

namespace Qdms.Bench.Provisioning;

/// <summary>One device's stored parameters in memory (the query the applier makes at most once per Inform, without the database).</summary>
internal sealed class MemoryParameters(IReadOnlyList<DeviceParameter> stored) : IDeviceParameterStore
{
    public int Reads { get; private set; }

    public Task<IReadOnlyList<DeviceParameter>> ListAsync(long deviceId, string? prefix, CancellationToken ct)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<DeviceParameter>>(prefix is null ? stored : [.. stored.Where(p => p.Path.StartsWith(prefix, StringComparison.Ordinal))]);
    }

    public Task UpsertAsync(long deviceId, IReadOnlyList<DeviceParameter> parameters, CancellationToken ct) => throw new InvalidOperationException("no writes on the measured path");
}
