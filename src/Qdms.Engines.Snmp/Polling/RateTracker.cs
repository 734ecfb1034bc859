using System.Collections.Concurrent;

namespace Qdms.Engines.Snmp.Polling;

/// <summary>The last reading of every counter the engine turns into a rate, keyed by device and OID instance. Thread-safe.</summary>
internal sealed class RateTracker
{
    private readonly ConcurrentDictionary<(long Device, string Instance), CounterSample> _last = new();

    /// <summary>Stores <paramref name="sample"/> and returns the rate since the previous reading, when there is an honest one.</summary>
    public double? Observe(long deviceId, string instance, CounterSample sample)
    {
        double? rate = null;
        _last.AddOrUpdate((deviceId, instance), sample, (_, previous) =>
        {
            rate = CounterRate.PerSecond(previous, sample);
            return sample;
        });
        return rate;
    }

    /// <summary>Forgets a device's readings (the device was removed from polling).</summary>
    public void Forget(long deviceId)
    {
        foreach (var key in _last.Keys.Where(k => k.Device == deviceId))
        {
            _last.TryRemove(key, out _);
        }
    }
}
