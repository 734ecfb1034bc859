using System.Net;
using Qdms.Core.Devices;
using Qdms.Core.Snmp;
using Qdms.Engines.Snmp.Access;
using Qdms.Engines.Snmp.Polling;

namespace Qdms.Engines.Snmp.Tests;

public sealed class PollPlanTests
{
    private static PolledDevice Device(long id, long tenant, string host, params string[] tags) =>
        new(id, tenant, host, new AgentTarget(new IPEndPoint(IPAddress.Parse(host), 161), SnmpDeviceVersion.V2c, "public", null, null, TimeSpan.FromSeconds(1), 0),
            tags, DeviceStatus.Unknown, id == 3 ? "80001f8880aabbccdd" : null);

    private static SnmpAssignment Assign(long tenant, string profile, long? device = null, string? tag = null) => new(0, tenant, profile, device, tag, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Tag_assignments_reach_only_the_tenants_own_devices_with_the_tag()
    {
        var devices = new[] { Device(1, 10, "192.0.2.1", "core"), Device(2, 20, "192.0.2.2", "core"), Device(3, 10, "192.0.2.3") };
        var plan = PollPlan.Build(devices, [], [Assign(10, SnmpBuiltInProfiles.Interfaces, tag: "core")]);
        Assert.Equal([1L], plan.Pairs.Select(p => p.Device.DeviceId));
    }

    [Fact]
    public void A_device_assigned_directly_and_through_a_tag_is_polled_once_per_profile()
    {
        var devices = new[] { Device(1, 10, "192.0.2.1", "core") };
        var plan = PollPlan.Build(devices, [], [Assign(10, SnmpBuiltInProfiles.System, device: 1), Assign(10, SnmpBuiltInProfiles.System, tag: "core")]);
        Assert.Single(plan.Pairs);
    }

    [Fact]
    public void Own_profiles_resolve_in_the_assignments_tenant_only()
    {
        var mine = new SnmpProfile(10, "edge", null, 30, [new SnmpObject("1.3.6.1.2.1.1.5.0", "sysName")], []);
        var devices = new[] { Device(1, 10, "192.0.2.1"), Device(2, 20, "192.0.2.2") };
        var plan = PollPlan.Build(devices, [mine], [Assign(10, "edge", device: 1), Assign(20, "edge", device: 2), Assign(10, "edge", device: 2)]);
        Assert.Equal([1L], plan.Pairs.Select(p => p.Device.DeviceId));
        Assert.Equal(30, plan.Pairs[0].Profile.IntervalSeconds);
    }

    [Fact]
    public void Devices_are_found_by_host_and_by_engine_id_for_traps()
    {
        var plan = PollPlan.Build([Device(1, 10, "192.0.2.1"), Device(3, 10, "192.0.2.3")], [], []);
        Assert.Equal(1, plan.ByHost["192.0.2.1"].DeviceId);
        Assert.Equal(3, plan.ByEngineId["80001f8880aabbccdd"].DeviceId);
        Assert.Empty(plan.Pairs);
        Assert.Equal(2, plan.Devices.Count);
    }
}
