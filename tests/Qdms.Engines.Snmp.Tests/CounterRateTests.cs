using Qdms.Engines.Snmp.Polling;

namespace Qdms.Engines.Snmp.Tests;

public sealed class CounterRateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

    private static CounterSample C32(ulong value, uint? uptime, double seconds) => new(value, false, uptime, T0.AddSeconds(seconds));

    private static CounterSample C64(ulong value, uint? uptime, double seconds) => new(value, true, uptime, T0.AddSeconds(seconds));

    [Fact]
    public void A_rising_counter_gives_its_increase_per_second_of_agent_uptime()
    {
        // 60 s of agent uptime (6000 ticks) for 6000 more octets; our clock says 61 s (a late poll): the agent's time wins
        Assert.Equal(100.0, CounterRate.PerSecond(C32(1000, 10_000, 0), C32(7000, 16_000, 61)));
    }

    [Fact]
    public void Without_uptime_the_rate_uses_our_clock()
    {
        Assert.Equal(50.0, CounterRate.PerSecond(C32(0, null, 0), C32(500, null, 10)));
    }

    [Fact]
    public void A_Counter32_that_goes_back_wrapped_once_at_2_to_the_32()
    {
        var before = uint.MaxValue - 99UL; // 100 short of the wrap
        Assert.Equal(30.0, CounterRate.PerSecond(C32(before, 0, 0), C32(200, 1000, 10))); // 100 + 200 in 10 s
    }

    [Fact]
    public void A_Counter64_near_2_to_the_32_does_not_wrap_there()
    {
        Assert.Equal(1.0, CounterRate.PerSecond(C64(uint.MaxValue, 0, 0), C64((ulong)uint.MaxValue + 10, 1000, 10)));
    }

    [Fact]
    public void A_Counter64_that_goes_back_gives_no_rate()
    {
        Assert.Null(CounterRate.PerSecond(C64(5_000_000_000, 0, 0), C64(10, 1000, 10)));
    }

    [Fact]
    public void No_rate_across_an_agent_restart_seen_as_sysUpTime_going_back()
    {
        // a counter that looks like a wrap would give a huge false rate; the uptime says the agent restarted
        Assert.Null(CounterRate.PerSecond(C32(4_000_000_000, 500_000, 0), C32(100, 1_000, 60)));
    }

    [Fact]
    public void No_rate_when_the_agent_restarted_and_its_uptime_passed_the_old_one_within_the_gap()
    {
        // polled at 20 s of uptime, then 600 s later the agent says 40 s: it restarted in between
        Assert.Null(CounterRate.PerSecond(C32(1_000, 2_000, 0), C32(2_000, 4_000, 600)));
    }

    [Fact]
    public void Uptime_lagging_our_clock_by_a_few_seconds_is_not_a_restart()
    {
        // agent 57 s, us 60 s: slow answers and jitter, not a restart
        Assert.Equal(100.0, CounterRate.PerSecond(C32(0, 0, 0), C32(5_700, 5_700, 60)));
    }

    [Fact]
    public void No_rate_when_no_time_passed()
    {
        Assert.Null(CounterRate.PerSecond(C32(10, 500, 0), C32(20, 500, 0)));
    }

    [Fact]
    public void No_rate_between_a_Counter32_and_a_Counter64()
    {
        Assert.Null(CounterRate.PerSecond(C32(10, 0, 0), C64(20, 1000, 10)));
    }

    [Fact]
    public void The_tracker_gives_no_rate_for_a_first_reading_and_keys_by_device_and_instance()
    {
        var tracker = new RateTracker();
        Assert.Null(tracker.Observe(1, "1.3.6.1.2.1.2.2.1.10.1", C32(100, 0, 0)));
        Assert.Null(tracker.Observe(2, "1.3.6.1.2.1.2.2.1.10.1", C32(999, 0, 0)));
        Assert.Equal(10.0, tracker.Observe(1, "1.3.6.1.2.1.2.2.1.10.1", C32(200, 1000, 10)));
        tracker.Forget(1);
        Assert.Null(tracker.Observe(1, "1.3.6.1.2.1.2.2.1.10.1", C32(300, 2000, 20)));
    }
}
