using Qdms.Scenarios.Hosting;
using Qdms.Scenarios.Running;

namespace Qdms.Server.Tests.Scenarios;

public sealed class RunFeedTests
{
    private static RunEvent Event(long seq, RunEventKind kind = RunEventKind.Info) => new(seq, seq, kind, null, null, $"e{seq}");

    [Fact]
    public async Task A_subscriber_gets_the_lines_so_far_then_live_ones_until_the_end()
    {
        var feed = new RunFeed(100);
        feed.OnEvent(Event(1));
        var reader = feed.Subscribe();
        feed.OnEvent(Event(2));
        feed.Complete();
        var lines = await reader.ReadAllAsync().ToListAsync();
        Assert.Equal(2, lines.Count);
        Assert.Contains("\"text\":\"e2\"", lines[1]);
        Assert.Equal(2, (await feed.Subscribe().ReadAllAsync().ToListAsync()).Count);
    }

    [Fact]
    public void A_subscriber_that_left_is_fed_no_more()
    {
        var feed = new RunFeed(100);
        var reader = feed.Subscribe();
        feed.Unsubscribe(reader);
        feed.OnEvent(Event(1));
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void The_stored_log_keeps_at_most_its_limit_and_always_the_end()
    {
        var feed = new RunFeed(2);
        for (var i = 1; i <= 5; i++)
        {
            feed.OnEvent(Event(i));
        }

        feed.OnEvent(Event(6, RunEventKind.Ended));
        var lines = feed.Log().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"kind\":\"ended\"", lines[2]);
        Assert.Contains("3 events were not kept", lines[3]);
    }
}
