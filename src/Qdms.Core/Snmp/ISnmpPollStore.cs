using Qdms.Core.Devices;

namespace Qdms.Core.Snmp;

/// <summary>The SNMP engine's batched writes and its task queue look-up: many devices per call, one transaction each.</summary>
public interface ISnmpPollStore
{
    /// <summary>Inserts or replaces the parameters of many devices in one transaction (a device deleted meanwhile is skipped).</summary>
    Task WriteParametersAsync(IReadOnlyList<DeviceParameter> parameters, CancellationToken ct);

    /// <summary>Sets the last contact of the devices to <paramref name="now"/> and their status to online.</summary>
    Task RecordContactsAsync(IReadOnlyList<long> deviceIds, DateTimeOffset now, CancellationToken ct);

    /// <summary>Sets one device's status (unreachable when it stopped answering).</summary>
    Task SetStatusAsync(long deviceId, DeviceStatus status, DateTimeOffset now, CancellationToken ct);

    /// <summary>Queued, unexpired tasks of devices that have SNMP settings, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DeviceTask>> ListDueTasksAsync(DateTimeOffset now, int limit, CancellationToken ct);
}
