namespace Qdms.Core.Devices;

/// <summary>Devices' parameter values under their native paths.</summary>
public interface IDeviceParameterStore
{
    /// <summary>The device's parameters whose path starts with <paramref name="prefix"/> (all when null), in ordinal path order.</summary>
    Task<IReadOnlyList<DeviceParameter>> ListAsync(long deviceId, string? prefix, CancellationToken ct);

    /// <summary>Inserts or replaces many parameters of one device in one transaction.</summary>
    Task UpsertAsync(long deviceId, IReadOnlyList<DeviceParameter> parameters, CancellationToken ct);
}
