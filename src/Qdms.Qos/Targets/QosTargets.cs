namespace Qdms.Qos.Targets;

/// <summary>The current target snapshot, swapped whole by the organizer; readers never lock.</summary>
public sealed class QosTargets
{
    private QosTargetSet _current = QosTargetSet.Empty;

    public QosTargetSet Current => Volatile.Read(ref _current);

    /// <summary>Raised after a new snapshot is published.</summary>
    public event Action<QosTargetSet>? Changed;

    public void Publish(QosTargetSet set)
    {
        Volatile.Write(ref _current, set);
        Changed?.Invoke(set);
    }
}
