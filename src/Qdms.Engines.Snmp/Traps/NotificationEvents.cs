using System.Net;
using System.Text.Json.Nodes;
using Qdms.Core.Events;
using Qdms.Engines.Snmp.Polling;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Notifications;

namespace Qdms.Engines.Snmp.Traps;

/// <summary>
/// A received trap or inform as a device event: source <c>snmp</c>, type <c>trap</c> or <c>inform</c>, matched to a device by
/// the v3 sender's engine id, else by the source address (a v1 trap's agent-addr as a last resort); no match records the
/// event without a device. The data holds the trap OID, uptime, version, user or engine id and the varbinds — never the community.
/// </summary>
internal static class NotificationEvents
{
    private static readonly Dictionary<string, string> Generic = new(StringComparer.Ordinal)
    {
        ["1.3.6.1.6.3.1.1.5.1"] = "coldStart",
        ["1.3.6.1.6.3.1.1.5.2"] = "warmStart",
        ["1.3.6.1.6.3.1.1.5.3"] = "linkDown",
        ["1.3.6.1.6.3.1.1.5.4"] = "linkUp",
        ["1.3.6.1.6.3.1.1.5.5"] = "authenticationFailure",
        ["1.3.6.1.6.3.1.1.5.6"] = "egpNeighborLoss",
    };

    public static PolledDevice? Match(SnmpNotification n, PollPlan plan)
    {
        if (!n.IsInform && n.EngineId is { Length: > 0 } engine && plan.ByEngineId.TryGetValue(Convert.ToHexStringLower(engine), out var byEngine))
        {
            return byEngine;
        }

        if (plan.ByHost.TryGetValue(Host(n.Source.Address), out var byHost))
        {
            return byHost;
        }

        return n.AgentAddress is { } agent && !agent.Equals(IPAddress.Any) ? plan.ByHost.GetValueOrDefault(Host(agent)) : null;
    }

    public static NewDeviceEvent ToEvent(SnmpNotification n, PolledDevice? device, DateTimeOffset now)
    {
        var trap = n.TrapOid.ToString();
        var name = Generic.GetValueOrDefault(trap);
        var kind = n.IsInform ? "inform" : "trap";
        var from = $"{Host(n.Source.Address)}:{n.Source.Port}";
        var varbinds = new JsonArray();
        foreach (var vb in n.VarBinds)
        {
            var text = ValueText.Of(vb.Value);
            varbinds.Add(new JsonObject { ["oid"] = vb.Oid.ToString(), ["type"] = text?.Type ?? vb.Value.Type.ToString(), ["value"] = text?.Text });
        }

        var data = new JsonObject
        {
            ["version"] = n.Version switch { SnmpVersion.V1 => "1", SnmpVersion.V2c => "2c", _ => "3" },
            ["trapOid"] = trap,
            ["trapName"] = name,
            ["uptime"] = n.Uptime,
            ["user"] = n.UserName,
            ["engineId"] = n.EngineId is null ? null : Convert.ToHexStringLower(n.EngineId),
            ["varbinds"] = varbinds,
        };
        if (n.Version == SnmpVersion.V1)
        {
            data["enterprise"] = n.Enterprise?.ToString();
            data["agentAddress"] = n.AgentAddress?.ToString();
            data["generic"] = n.Generic?.ToString();
            data["specific"] = n.Specific;
        }

        var severity = name is "linkDown" or "authenticationFailure" ? EventSeverity.Warning : EventSeverity.Info;
        var message = $"SNMP {kind} {name ?? trap} from {from}" + (device is null ? " (no device has this address)" : "");
        return new NewDeviceEvent(device?.TenantId, device?.DeviceId, "snmp", kind, severity, now, message, "udp:" + from, data.ToJsonString());
    }

    private static string Host(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
