using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Qos;
using Qdms.Server.Tests.Support;
using Qdms.Testing;
using static Qdms.Server.Tests.Qos.QosTestData;

namespace Qdms.Server.Tests.Qos;

/// <summary>
/// A server whose evaluator really runs: RTT by ICMP (or TCP when unprivileged) every 5 s, and a device agent on loopback
/// (a small one answering in Arrowhead's format) fetched every 5 s.
/// </summary>
public class LiveQosApp : QdmsAppFactory
{
    private readonly TcpListener _agent = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public LiveQosApp(DbKind kind)
        : base(kind)
    {
        _agent.Start();
        _ = ServeAgentAsync();
        Settings["Qdms:Qos:RttIntervalSeconds"] = "5";
        Settings["Qdms:Qos:RttTimeoutMs"] = "3000";
        Settings["Qdms:Qos:RttProbes"] = "3";
        Settings["Qdms:Qos:RttProbeSpacingMs"] = "10";
        Settings["Qdms:Qos:AugmentedIntervalSeconds"] = "5";
        Settings["Qdms:Qos:OrganizerIntervalSeconds"] = "10";
        Settings["Qdms:Qos:AgentPort"] = ((IPEndPoint)_agent.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ServeAgentAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var client = await _agent.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                {
                }

                var body = """{"1.4": [20.0, 30.0], "2.1": [55.5, 55.5], "3.1": [1.0, 2.0], "3.2": [0.5, 0.5]}"""u8.ToArray();
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
                await stream.WriteAsync(body);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _agent.Stop();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteLiveQosApp() : LiveQosApp(DbKind.Sqlite);

public sealed class PostgresLiveQosApp() : LiveQosApp(DbKind.Postgres);

public abstract class QosLiveTests(LiveQosApp app)
{
    [Fact]
    public async Task The_running_evaluator_measures_a_device_by_rtt_and_through_its_agent_and_sort_uses_it()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var system = SystemName("Live");
        var d = await HostAsync(owner, system);
        await (await app.AdminAsync()).QosReloadAsync();

        var rtt = await EventuallyAsync(async () => (await owner.QosSeriesAsync(d.Id, "rtt", DateTimeOffset.UtcNow.AddMinutes(-5))).FirstOrDefault());
        var cpu = await EventuallyAsync(async () => (await owner.QosSeriesAsync(d.Id, "cpu_total_load", DateTimeOffset.UtcNow.AddMinutes(-5))).FirstOrDefault());
        var sorted = await owner.QosSortAsync(Request([system], ["CPU_TOTAL_LOAD_MEAN", "MEMORY_USED_CURRENT"]));

        Assert.False(rtt.Failed);
        Assert.Equal(0, rtt.LossPercent);
        Assert.InRange(rtt.Count, 1, 3);
        Assert.Equal((20.0, 30.0, 25.0, 30.0), (cpu.Minimum!.Value, cpu.Maximum!.Value, cpu.Mean!.Value, cpu.Current!.Value));
        Assert.Equal(0.5 * 25 + 0.5 * 55.5, sorted.Scores[system].Score, 6);
        Assert.Contains(app.Services.GetServices<Qdms.Core.Engines.IQdmsServiceComponent>(), c => c is QosEvaluator);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await attempt() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "no measurement within 60 s");
            await Task.Delay(200);
        }
    }
}

public sealed class SqliteQosLiveTests(SqliteLiveQosApp app) : QosLiveTests(app), IClassFixture<SqliteLiveQosApp>;

public sealed class PostgresQosLiveTests(PostgresLiveQosApp app) : QosLiveTests(app), IClassFixture<PostgresLiveQosApp>;
