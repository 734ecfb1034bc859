using Qdms.Core.Devices;
using Qdms.Core.Live;

namespace Qdms.Core.Tests.Live;

public sealed class LiveHubTests
{
    private static DeviceChanged Contact(long id, long tenant = 1) => new(id, tenant, DeviceStatus.Online, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_subscriber_gets_what_its_filter_takes_in_publishing_order()
    {
        var hub = new LiveHub(TimeProvider.System);
        using var tenantOne = hub.Subscribe(c => c.TenantId == 1, 16);
        hub.Publish(Contact(1));
        hub.Publish(Contact(2, tenant: 2));
        hub.Publish(Contact(3));

        var ids = new List<long?>();
        while (tenantOne.Changes.TryRead(out var change))
        {
            ids.Add(change.DeviceId);
            Assert.NotEqual(default, change.PublishedAt);
        }

        Assert.Equal([1, 3], ids);
    }

    [Fact]
    public void A_full_queue_cuts_its_reader_off_and_leaves_the_others_alone()
    {
        var hub = new LiveHub(TimeProvider.System);
        var slow = hub.Subscribe(_ => true, 2);
        var other = hub.Subscribe(_ => true, 16);
        for (var i = 0; i < 5; i++)
        {
            hub.Publish(Contact(i));
        }

        Assert.True(slow.Overflowed);
        Assert.Equal(2, slow.Changes.Count); // what was queued is still read, nothing more
        Assert.False(other.Overflowed);
        Assert.Equal(5, other.Changes.Count);
        Assert.Equal(1, hub.SubscriberCount);
    }

    [Fact]
    public void A_filter_that_throws_loses_the_change_for_its_reader_only()
    {
        var hub = new LiveHub(TimeProvider.System);
        using var broken = hub.Subscribe(_ => throw new InvalidOperationException("bug"), 16);
        using var fine = hub.Subscribe(_ => true, 16);
        hub.Publish(Contact(1));
        Assert.Equal(0, broken.Changes.Count);
        Assert.Equal(1, fine.Changes.Count);
    }

    [Fact]
    public void Disposing_leaves_the_hub_and_ends_the_reader()
    {
        var hub = new LiveHub(TimeProvider.System);
        var subscription = hub.Subscribe(_ => true, 16);
        Assert.True(hub.HasSubscribers);
        subscription.Dispose();
        Assert.False(hub.HasSubscribers);
        Assert.True(subscription.Changes.Completion.IsCompleted);
        hub.Publish(Contact(1));
        Assert.False(subscription.Overflowed);
    }
}
