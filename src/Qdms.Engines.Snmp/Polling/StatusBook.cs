using System.Collections.Concurrent;
using Qdms.Core.Devices;

namespace Qdms.Engines.Snmp.Polling;

/// <summary>The engine's view of each device's reachability, seeded from the database, so only transitions are written.</summary>
internal sealed class StatusBook
{
    private readonly ConcurrentDictionary<long, DeviceStatus> _status = new();

    public void Seed(long deviceId, DeviceStatus status) => _status.TryAdd(deviceId, status);

    /// <summary>Sets the status; returns the previous one.</summary>
    public DeviceStatus Set(long deviceId, DeviceStatus status)
    {
        var previous = DeviceStatus.Unknown;
        _status.AddOrUpdate(deviceId, status, (_, old) =>
        {
            previous = old;
            return status;
        });
        return previous;
    }
}
