using Qdms.Core.Qos;
using Qdms.Core.Security;

namespace Qdms.Qos.Targets;

/// <summary>
/// An immutable snapshot of the measured devices with lookups by device and by system name within a tenant (system names
/// match case-insensitively; when two devices of a tenant claim one name, the lower device id wins).
/// </summary>
public sealed class QosTargetSet
{
    private readonly Dictionary<long, QosTrackedDevice> _byDevice;
    private readonly Dictionary<long, Dictionary<string, long>> _byTenant;
    private readonly Dictionary<string, long> _all;

    public QosTargetSet(IReadOnlyList<QosTrackedDevice> devices)
    {
        Devices = devices;
        _byDevice = devices.ToDictionary(d => d.DeviceId);
        _byTenant = [];
        _all = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in devices.OrderBy(d => d.DeviceId))
        {
            if (!_byTenant.TryGetValue(d.TenantId, out var names))
            {
                names = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
                _byTenant[d.TenantId] = names;
            }

            foreach (var system in d.Systems)
            {
                names.TryAdd(system, d.DeviceId);
                _all.TryAdd(system, d.DeviceId);
            }
        }
    }

    public static QosTargetSet Empty { get; } = new([]);

    public IReadOnlyList<QosTrackedDevice> Devices { get; }

    public QosTrackedDevice? Device(long deviceId) => _byDevice.GetValueOrDefault(deviceId);

    /// <summary>The device hosting <paramref name="system"/> among the devices <paramref name="scope"/> allows; null when none does.</summary>
    public long? Resolve(TenantScope scope, string system)
    {
        if (scope.IsAll)
        {
            return _all.TryGetValue(system, out var any) ? any : null;
        }

        return _byTenant.TryGetValue(scope.TenantId!.Value, out var names) && names.TryGetValue(system, out var id) ? id : null;
    }
}
