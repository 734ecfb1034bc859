using Qdms.Core.Security;

namespace Qdms.Core.Snmp;

/// <summary>The SNMP settings of devices (one row per device, deleted with the device).</summary>
public interface ISnmpDeviceStore
{
    Task<SnmpDeviceSettings?> GetAsync(long deviceId, TenantScope scope, CancellationToken ct);

    /// <summary>
    /// Writes the settings and makes <c>snmp:host:port</c> the device's only <c>snmp</c> identity, in one transaction;
    /// <see cref="Errors.ConflictException"/> when another device already has that identity.
    /// </summary>
    Task UpsertAsync(SnmpDeviceSettings settings, DateTimeOffset now, CancellationToken ct);

    /// <summary>Removes the settings and the device's <c>snmp</c> identity. False when the device has none in scope.</summary>
    Task<bool> DeleteAsync(long deviceId, TenantScope scope, CancellationToken ct);

    /// <summary>Every SNMP device of every tenant with what the poller needs (tags, status), in device id order.</summary>
    Task<IReadOnlyList<SnmpPolledDevice>> ListForPollingAsync(CancellationToken ct);
}
