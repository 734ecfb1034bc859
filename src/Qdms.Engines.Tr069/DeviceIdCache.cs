using System.Collections.Concurrent;

namespace Qdms.Engines.Tr069;

/// <summary>
/// The device (and its tenant) each CPE identity resolved to, so a known CPE's Inform needs no look-up. An entry may go stale
/// (the device deleted, the identity moved): <see cref="ContactBatcher"/> checks the identity inside the transaction that records
/// the contact, and the handler then evicts the entry and resolves again. About 130 bytes an entry; cleared when full.
/// </summary>
internal sealed class DeviceIdCache(int capacity)
{
    private readonly ConcurrentDictionary<string, KnownDevice> _devices = new(StringComparer.Ordinal);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(string key, out KnownDevice device) => _devices.TryGetValue(key, out device!);

    public void Set(string key, KnownDevice device)
    {
        if (Volatile.Read(ref _count) >= capacity)
        {
            _devices.Clear();
            Volatile.Write(ref _count, 0);
        }

        if (_devices.TryAdd(key, device))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            _devices[key] = device;
        }
    }

    public void Evict(string key)
    {
        if (_devices.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
