using Qdms.Core.Snmp;
using Qdms.Engines.Snmp.Access;
using Qdms.Engines.Snmp.Polling;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Engines.Snmp.Tests;

public sealed class HostResourcesTests
{
    private static readonly SnmpProfile Profile = SnmpBuiltInProfiles.Find(SnmpBuiltInProfiles.HostResources)!;

    private static AgentRow Storage(string index, string type, int size, int used) =>
        new(index, [SnmpValue.ObjectIdentifier(Oid.Parse(type)), SnmpValue.OctetString("x"), SnmpValue.Integer(4096), SnmpValue.Integer(size), SnmpValue.Integer(used)]);

    [Fact]
    public void Cpu_is_the_mean_processor_load_memory_the_ram_rows_used_share_and_every_storage_row_its_used_percent()
    {
        var cpu = new AgentRow[] { new("196608", [SnmpValue.Integer(10)]), new("196609", [SnmpValue.Integer(30)]), new("196610", [null]) };
        var storage = new[]
        {
            Storage("1", SnmpBuiltInProfiles.HrStorageRam, 1000, 250),
            Storage("31", "1.3.6.1.2.1.25.2.1.4", 200, 150), // hrStorageFixedDisk
            Storage("40", "1.3.6.1.2.1.25.2.1.4", 0, 0), // no size: no share
        };
        var metrics = new Dictionary<string, double>();
        HostResources.Derive([(Profile.Tables[0], cpu), (Profile.Tables[1], storage)], metrics);

        Assert.Equal(20.0, metrics["cpu_total_load"]);
        Assert.Equal(25.0, metrics["memory_used"]);
        Assert.Equal(75.0, metrics["snmp.storage.31.used_percent"]);
        Assert.False(metrics.ContainsKey("snmp.storage.40.used_percent"));
    }

    [Fact]
    public void An_agent_without_processor_loads_or_ram_gives_no_cpu_or_memory_figure()
    {
        var metrics = new Dictionary<string, double>();
        HostResources.Derive([(Profile.Tables[0], []), (Profile.Tables[1], [Storage("31", "1.3.6.1.2.1.25.2.1.4", 200, 50)])], metrics);
        Assert.False(metrics.ContainsKey("cpu_total_load"));
        Assert.False(metrics.ContainsKey("memory_used"));
        Assert.Equal(25.0, metrics["snmp.storage.31.used_percent"]);
    }
}
