namespace Qdms.Core.Live;

/// <summary>
/// The in-process change hub: the stores' live decorators publish what they wrote, and each live reader (an SSE connection)
/// holds a <see cref="LiveSubscription"/> with its own filter and bounded queue. Publishing never blocks and costs nothing
/// while no one listens; a reader too slow to keep up is cut off (its queue overflows), never waited for.
/// </summary>
/// <remarks>One process only: with several server processes, a reader sees the changes made by the process it is connected to.</remarks>
public sealed class LiveHub(TimeProvider time)
{
    private readonly Lock _gate = new();
    private LiveSubscription[] _subscribers = [];

    /// <summary>How many readers are subscribed now.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>True when someone listens; decorators skip the work of building a change (and its extra reads) otherwise.</summary>
    public bool HasSubscribers => Volatile.Read(ref _subscribers).Length > 0;

    /// <summary>Offers a change to every subscriber whose filter takes it.</summary>
    public void Publish(LiveChange change)
    {
        var subscribers = Volatile.Read(ref _subscribers);
        if (subscribers.Length == 0)
        {
            return;
        }

        var stamped = change with { PublishedAt = time.GetUtcNow() };
        foreach (var subscriber in subscribers)
        {
            subscriber.Offer(stamped);
        }
    }

    /// <summary>A new subscription; dispose it to leave.</summary>
    /// <param name="filter">Which changes this reader may and wants to see (tenant, topics, device).</param>
    /// <param name="capacity">How many changes may wait for the reader before it counts as too slow and is cut off.</param>
    public LiveSubscription Subscribe(Func<LiveChange, bool> filter, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new LiveSubscription(this, filter, capacity);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        return subscription;
    }

    internal void Remove(LiveSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscription))];
        }
    }
}
