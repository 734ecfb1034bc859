using System.Collections.Concurrent;

namespace Qdms.Engines.Tr069.Transfers;

/// <summary>
/// Downloads and uploads a CPE accepted with Status 1 (TR-069 Annex A.3.2.8, A.4.1.5: TransferComplete follows later), each
/// with the time by which its TransferComplete is due. Kept in memory: after a restart such a task is left to its expiry.
/// </summary>
internal sealed class TransferWatch
{
    private readonly ConcurrentDictionary<long, WatchedTransfer> _byTask = new();

    public int Count => _byTask.Count;

    public void Watch(WatchedTransfer transfer) => _byTask[transfer.TaskId] = transfer;

    /// <summary>Stops watching a task (its TransferComplete arrived, or it was settled otherwise).</summary>
    public bool Forget(long taskId) => _byTask.TryRemove(taskId, out _);

    /// <summary>Removes and returns the transfers whose TransferComplete is overdue at <paramref name="now"/>.</summary>
    public IReadOnlyList<WatchedTransfer> TakeOverdue(DateTimeOffset now)
    {
        var overdue = new List<WatchedTransfer>();
        foreach (var (taskId, transfer) in _byTask)
        {
            if (transfer.Deadline <= now && _byTask.TryRemove(new KeyValuePair<long, WatchedTransfer>(taskId, transfer)))
            {
                overdue.Add(transfer);
            }
        }

        return overdue;
    }
}
