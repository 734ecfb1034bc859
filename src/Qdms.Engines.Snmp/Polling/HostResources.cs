using Qdms.Core.Snmp;
using Qdms.Engines.Snmp.Access;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Engines.Snmp.Polling;

/// <summary>
/// The host-resources profile's figures (RFC 2790): <c>cpu_total_load</c> = the mean hrProcessorLoad (%), <c>memory_used</c> =
/// hrStorageUsed / hrStorageSize of the hrStorageRam row (%), and <c>snmp.storage.&lt;index&gt;.used_percent</c> for every storage row.
/// </summary>
internal static class HostResources
{
    public static void Derive(IReadOnlyList<(SnmpTableSpec Spec, IReadOnlyList<AgentRow> Rows)> tables, Dictionary<string, double> metrics)
    {
        var cpu = tables.FirstOrDefault(t => t.Spec.Name == "cpu").Rows ?? [];
        var loads = cpu.Select(r => r.Values[0]).Where(v => v is { Type: SnmpValueType.Integer }).Select(v => (double)v!.Value.AsInt32()).ToList();
        if (loads.Count > 0)
        {
            metrics["cpu_total_load"] = loads.Average();
        }

        var storage = tables.FirstOrDefault(t => t.Spec.Name == "storage").Rows ?? [];
        foreach (var row in storage)
        {
            // columns: hrStorageType, hrStorageDescr, hrStorageAllocationUnits, hrStorageSize, hrStorageUsed
            if (row.Values[3] is not { Type: SnmpValueType.Integer } size || row.Values[4] is not { Type: SnmpValueType.Integer } used || size.AsInt32() <= 0)
            {
                continue;
            }

            var percent = 100.0 * used.AsInt32() / size.AsInt32();
            metrics[$"snmp.storage.{row.Index}.used_percent"] = percent;
            if (row.Values[0] is { Type: SnmpValueType.ObjectIdentifier } type && type.AsOid().ToString() == SnmpBuiltInProfiles.HrStorageRam)
            {
                metrics["memory_used"] = percent;
            }
        }
    }
}
