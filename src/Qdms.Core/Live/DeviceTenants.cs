using System.Collections.Concurrent;
using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Core.Live;

/// <summary>
/// Which tenant owns a device, for changes whose writer knows only the device id (a contact, a status). A device never moves
/// between tenants, so answers are cached; the cache is emptied when it reaches <see cref="MaxEntries"/>, which bounds its memory.
/// </summary>
public sealed class DeviceTenants(IServiceProvider services)
{
    /// <summary>How many devices the cache remembers before it starts again.</summary>
    public const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<long, long> _tenants = new();
    private IDeviceStore? _devices;

    /// <summary>The device's tenant, or null when the device is gone.</summary>
    public async ValueTask<long?> FindAsync(long deviceId, CancellationToken ct)
    {
        if (_tenants.TryGetValue(deviceId, out var tenant))
        {
            return tenant;
        }

        // Resolved late: the device store is itself decorated and depends on this cache.
        _devices ??= (IDeviceStore)services.GetService(typeof(IDeviceStore))!;
        var device = await _devices.GetAsync(deviceId, TenantScope.All, ct);
        if (device is null)
        {
            return null;
        }

        if (_tenants.Count >= MaxEntries)
        {
            _tenants.Clear();
        }

        _tenants[deviceId] = device.TenantId;
        return device.TenantId;
    }
}
