using System.Threading.Channels;

namespace Qdms.Core.Live;

/// <summary>
/// One reader's place at the <see cref="LiveHub"/>: the changes its filter took, in publishing order, in a bounded queue.
/// When the queue is full the subscription is cut off: <see cref="Overflowed"/> turns true and <see cref="Changes"/> ends
/// after what was already queued, so a slow reader costs a fixed amount of memory.
/// </summary>
public sealed class LiveSubscription : IDisposable
{
    private readonly LiveHub _hub;
    private readonly Func<LiveChange, bool> _filter;
    private readonly Channel<LiveChange> _queue;
    private volatile bool _overflowed;
    private volatile bool _disposed;

    internal LiveSubscription(LiveHub hub, Func<LiveChange, bool> filter, int capacity)
    {
        _hub = hub;
        _filter = filter;
        Capacity = capacity;
        _queue = Channel.CreateBounded<LiveChange>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping silently
        });
    }

    /// <summary>How many changes may wait.</summary>
    public int Capacity { get; }

    /// <summary>True once the reader fell <see cref="Capacity"/> changes behind and was cut off.</summary>
    public bool Overflowed => _overflowed;

    /// <summary>The queued changes; completes when the subscription overflows or is disposed.</summary>
    public ChannelReader<LiveChange> Changes => _queue.Reader;

    internal void Offer(LiveChange change)
    {
        if (_disposed)
        {
            return;
        }

        bool wanted;
        try
        {
            wanted = _filter(change);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            wanted = false; // one reader's filter never breaks the publisher or the other readers
        }

        if (wanted && !_queue.Writer.TryWrite(change) && !_overflowed)
        {
            _overflowed = true;
            _queue.Writer.TryComplete();
            _hub.Remove(this);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _queue.Writer.TryComplete();
        _hub.Remove(this);
    }
}
