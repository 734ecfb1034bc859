namespace Qdms.Core.Snmp;

/// <summary>
/// Tells a running SNMP engine in this process that devices, settings, profiles or assignments changed, so it re-reads its
/// polling plan at once instead of at its next periodic reload.
/// </summary>
public sealed class SnmpInventorySignal
{
    private long _version;

    /// <summary>Raised after each change.</summary>
    public event Action? Changed;

    /// <summary>Grows by one with every change.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void Notify()
    {
        Interlocked.Increment(ref _version);
        Changed?.Invoke();
    }
}
