using System.Net;
using System.Net.Sockets;
using Qdms.Qos.Probing;

namespace Qdms.Qos.Tests;

/// <summary>The probes against loopback addresses: answered round trips, a closed port's reset, and black holes that time out.</summary>
public sealed class RttProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Icmp_echo_to_loopback_addresses_answers_in_microseconds()
    {
        using var pinger = IcmpPinger.TryOpen();
        Assert.NotNull(pinger); // CI and this machine run as root (raw socket) or admit datagram ICMP

        foreach (var last in new[] { 1, 2, 77 })
        {
            var rtt = await pinger.ProbeAsync(IPAddress.Parse($"127.0.0.{last}"), Timeout, CancellationToken.None);
            Assert.NotNull(rtt);
            Assert.True(rtt > 0);
        }
    }

    [Fact]
    public async Task Many_icmp_probes_in_flight_on_one_socket_each_get_their_own_reply()
    {
        using var pinger = IcmpPinger.TryOpen()!;
        var targets = Enumerable.Range(1, 200).Select(i => IPAddress.Parse($"127.0.{i / 250}.{(i % 250) + 1}")).ToList();

        var rtts = await Task.WhenAll(targets.Select(t => pinger.ProbeAsync(t, TimeSpan.FromSeconds(10), CancellationToken.None)));

        Assert.True(rtts.All(r => r is not null), $"{rtts.Count(r => r is null)} lost; send failures {pinger.SendFailures} ({pinger.LastSendError})");
    }

    [Fact]
    public async Task Icmp_to_a_black_holed_address_is_a_loss_after_the_timeout()
    {
        using var pinger = IcmpPinger.TryOpen()!;

        // TEST-NET-2 (RFC 5737; TEST-NET-1 is this sandbox's own gateway): never answered; without a route the send itself fails — a loss either way
        Assert.Null(await pinger.ProbeAsync(IPAddress.Parse("198.51.100.7"), Timeout, CancellationToken.None));
    }

    [Fact]
    public async Task Tcp_connect_to_an_open_port_measures_the_handshake()
    {
        using var listener = new TcpListener(IPAddress.Parse("127.0.0.3"), 0);
        listener.Start();
        var probe = new TcpConnectProbe(RttMethod.Tcp, ((IPEndPoint)listener.LocalEndpoint).Port);

        var rtt = await probe.ProbeAsync(IPAddress.Parse("127.0.0.3"), Timeout, CancellationToken.None);

        Assert.NotNull(rtt);
        Assert.True(rtt > 0);
    }

    [Fact]
    public async Task Arrowheads_method_measures_the_time_to_the_reset_of_a_closed_port()
    {
        var closed = FreePort(IPAddress.Parse("127.0.0.4"));
        var probe = new TcpConnectProbe(RttMethod.Arrowhead, closed);

        var rtt = await probe.ProbeAsync(IPAddress.Parse("127.0.0.4"), Timeout, CancellationToken.None);

        Assert.NotNull(rtt);
    }

    [Fact]
    public async Task Tcp_connect_to_a_listener_with_a_full_backlog_times_out_as_a_loss()
    {
        // A listener that never accepts, with a backlog of 1: once its accept queue is full, Linux drops further SYNs
        // (no RST), so the next connect gets no answer at all — a black-holed port on loopback.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.5"), 0));
        listener.Listen(1);
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        var fillers = new List<Socket>();
        try
        {
            // Linux admits backlog + 1 connections to the accept queue: two fillers fill it, each completing its handshake
            for (var i = 0; i < 2; i++)
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(s);
                await s.ConnectAsync(endpoint).WaitAsync(TimeSpan.FromSeconds(10));
            }

            var probe = new TcpConnectProbe(RttMethod.Tcp, endpoint.Port);
            var batch = await new RttBatch(probe, 2, TimeSpan.Zero, Timeout).RunAsync(1, 1, endpoint.Address, TimeProvider.System, CancellationToken.None);

            Assert.True(batch.Failed);
            Assert.Equal(100, batch.LossPercent);
        }
        finally
        {
            fillers.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task A_batch_with_one_probe_lost_keeps_the_answered_ones()
    {
        var probe = new FlakyProbe(lose: 2);

        var m = await new RttBatch(probe, 4, TimeSpan.Zero, Timeout).RunAsync(1, 9, IPAddress.Loopback, TimeProvider.System, CancellationToken.None);

        Assert.False(m.Failed);
        Assert.Equal(25, m.LossPercent);
        Assert.Equal(3, m.Count);
        Assert.Equal(1.0, m.Minimum); // 1000 µs = 1 ms
    }

    internal static int FreePort(IPAddress address)
    {
        using var s = new TcpListener(address, 0);
        s.Start();
        return ((IPEndPoint)s.LocalEndpoint).Port;
    }

    /// <summary>Answers every probe in 1, 2, 3 … ms except the n-th (from 1), which is lost.</summary>
    private sealed class FlakyProbe(int lose) : IRttProbe
    {
        private int _n;

        public RttMethod Method => RttMethod.Tcp;

        public Task<double?> ProbeAsync(IPAddress address, TimeSpan timeout, CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _n);
            return Task.FromResult<double?>(n == lose ? null : n * 1000.0);
        }
    }
}
