namespace Qdms.Agent.Tests;

public sealed class SampleRingTests
{
    [Fact]
    public void Newest_returns_the_last_n_samples_oldest_first()
    {
        var ring = new SampleRing();
        foreach (var v in new double[] { 1, 2, 3, 4, 5 })
        {
            ring.Add(v);
        }

        Assert.Equal([3, 4, 5], ring.Newest(3));
        Assert.Equal([1, 2, 3, 4, 5], ring.Newest(30));
        Assert.Empty(ring.Newest(0));
    }

    [Fact]
    public void Ring_keeps_only_the_last_30_samples_after_wrapping()
    {
        var ring = new SampleRing();
        for (var i = 1; i <= 75; i++)
        {
            ring.Add(i);
        }

        Assert.Equal(SampleRing.Capacity, ring.Count);
        Assert.Equal(Enumerable.Range(46, 30).Select(i => (double)i), ring.Newest(30));
        Assert.Equal([73, 74, 75], ring.Newest(3));
    }

    [Fact]
    public void An_empty_ring_returns_no_samples()
    {
        Assert.Empty(new SampleRing().Newest(5));
    }

    [Fact]
    public void Store_answers_empty_for_a_disabled_group_and_knows_per_core_series()
    {
        var store = new SampleStore(new HashSet<string> { OidGroups.CpuTotal }, coreCount: 2);
        store.Add("1.4", 12.346);
        store.Add("2.1", 50);

        Assert.Equal([12.35], store.Newest("1.4", 5));
        Assert.Empty(store.Newest("2.1", 5));
        Assert.True(store.IsKnown("1.5.1"));
        Assert.False(store.IsKnown("1.5.2"));
        Assert.False(store.IsKnown("1.5"));
    }
}
