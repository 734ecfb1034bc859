using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Qdms.Client;
using Qdms.Contracts;

namespace Qdms.Portal.Tests.Support;

/// <summary>
/// A second server process whose QoS evaluator really measures: devices at loopback addresses 127.0.77.x, pinged every 5 s
/// and read every 5 s through a <see cref="SimulatedQosAgent"/> on each address with its own loads. Tenant East has Alpha,
/// Bravo and Charlie (tag <see cref="RackTag"/>) and Quiet (no address, never measured); tenant West has Delta with the same tag.
/// </summary>
public sealed class QosPortalServer : IAsyncLifetime
{
    public const string RackTag = "qos-rack";
    public const string EastUser = "qos-east-op";
    public const string WestUser = "qos-west-admin";
    public const string Password = "user-pass-123";

    /// <summary>Name, address's last byte, CPU, memory, egress, ingress (percent); the first three are East's.</summary>
    private static readonly (string Name, int Host, double Cpu, double Memory, double Egress, double Ingress)[] Measured =
    [
        ("qos-alpha", 1, 10, 80, 5, 5),
        ("qos-bravo", 2, 50, 20, 10, 10),
        ("qos-charlie", 3, 90, 50, 20, 20),
        ("qos-delta", 4, 30, 30, 1, 1),
    ];

    private readonly List<SimulatedQosAgent> _agents = [];

    public ServerUnderTest Server { get; private set; } = null!;

    public QdmsClient Admin { get; private set; } = null!;

    /// <summary>The devices by name.</summary>
    public Dictionary<string, DeviceDto> Devices { get; } = [];

    public async Task InitializeAsync()
    {
        await PortalBuild.EnsureAsync();
        var port = StartAgents();
        Server = await ServerUnderTest.StartAsync(new Dictionary<string, string>
        {
            ["Qdms__Qos__RttIntervalSeconds"] = "5",
            ["Qdms__Qos__RttTimeoutMs"] = "3000",
            ["Qdms__Qos__RttProbes"] = "3",
            ["Qdms__Qos__RttProbeSpacingMs"] = "10",
            ["Qdms__Qos__AugmentedIntervalSeconds"] = "5",
            ["Qdms__Qos__OrganizerIntervalSeconds"] = "10",
            ["Qdms__Qos__AgentPort"] = port.ToString(CultureInfo.InvariantCulture),
        });
        Admin = await Server.ClientAsync();
        var east = await Admin.CreateTenantAsync(new CreateTenantRequest("qos-east", "QoS East"));
        var west = await Admin.CreateTenantAsync(new CreateTenantRequest("qos-west", "QoS West"));
        await Admin.CreateUserAsync(new CreateUserRequest(EastUser, Password, "operator", east.Id));
        await Admin.CreateUserAsync(new CreateUserRequest(WestUser, Password, "admin", west.Id));
        foreach (var (name, host, _, _, _, _) in Measured)
        {
            Devices[name] = await Admin.CreateDeviceAsync(new CreateDeviceRequest(
                [new DeviceIdentityDto("snmp", name)], Name: name, Model: "QOS-1", Address: $"127.0.77.{host}",
                Tags: ["qos:1.4", "qos:2.1", "qos:3.1", "qos:3.2", RackTag], TenantId: name == "qos-delta" ? west.Id : east.Id));
        }

        Devices["qos-quiet"] = await Admin.CreateDeviceAsync(new CreateDeviceRequest(
            [new DeviceIdentityDto("snmp", "qos-quiet")], Name: "qos-quiet", Tags: ["qos-quiet"], TenantId: east.Id));
        await Admin.QosReloadAsync();
        await WaitForMeasurementsAsync();
    }

    /// <summary>One agent per measured device on the same free port of its own loopback address.</summary>
    private int StartAgents()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var port = 0;
                foreach (var (_, host, cpu, memory, egress, ingress) in Measured)
                {
                    var agent = new SimulatedQosAgent(IPAddress.Parse($"127.0.77.{host}"), port, cpu, memory, egress, ingress);
                    _agents.Add(agent);
                    port = agent.Port;
                }

                return port;
            }
            catch (SocketException) when (attempt < 5)
            {
                foreach (var agent in _agents)
                {
                    agent.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }

                _agents.Clear();
            }
        }
    }

    /// <summary>Waits (bounded) until every measured device has an RTT batch and an agent batch.</summary>
    private async Task WaitForMeasurementsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        foreach (var (name, _, _, _, _, _) in Measured)
        {
            foreach (var metric in new[] { "rtt", "cpu_total_load", "network_ingress_load" })
            {
                while ((await Admin.QosSeriesAsync(Devices[name].Id, metric, DateTimeOffset.UtcNow.AddMinutes(-10))).Count == 0)
                {
                    Assert.True(DateTime.UtcNow < deadline, $"no {metric} measurement of {name} within 90 s:\n{Server.Output}");
                    await Task.Delay(250);
                }
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }
    }
}
