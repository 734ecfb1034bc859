using Qdms.Core.Snmp;

namespace Qdms.Engines.Snmp.Polling;

/// <summary>
/// What to poll: every SNMP device (by id, for tasks and trap matching too) and the (device, profile) pairs assigned directly
/// or through a tag of the device's tenant.
/// </summary>
internal sealed record PollPlan(
    IReadOnlyDictionary<long, PolledDevice> Devices,
    IReadOnlyList<(PolledDevice Device, SnmpProfile Profile)> Pairs,
    IReadOnlyDictionary<string, PolledDevice> ByHost,
    IReadOnlyDictionary<string, PolledDevice> ByEngineId)
{
    public static PollPlan Empty { get; } = new(new Dictionary<long, PolledDevice>(), [], new Dictionary<string, PolledDevice>(), new Dictionary<string, PolledDevice>());

    public static PollPlan Build(IReadOnlyList<PolledDevice> devices, IReadOnlyList<SnmpProfile> tenantProfiles, IReadOnlyList<SnmpAssignment> assignments)
    {
        var byId = devices.ToDictionary(d => d.DeviceId);
        var profiles = tenantProfiles.Where(p => p.TenantId is not null).ToDictionary(p => (p.TenantId!.Value, p.Name));
        SnmpProfile? Resolve(long tenant, string name) => SnmpBuiltInProfiles.Find(name) ?? profiles.GetValueOrDefault((tenant, name));

        var pairs = new Dictionary<(long, string), (PolledDevice, SnmpProfile)>();
        var byTag = devices.SelectMany(d => d.Tags.Select(t => (Key: (d.TenantId, t), Device: d))).ToLookup(x => x.Key, x => x.Device);
        foreach (var a in assignments)
        {
            if (Resolve(a.TenantId, a.Profile) is not { } profile)
            {
                continue;
            }

            IEnumerable<PolledDevice> targets = a.DeviceId is { } id
                ? byId.TryGetValue(id, out var d) && d.TenantId == a.TenantId ? [d] : []
                : byTag[(a.TenantId, a.Tag!)];
            foreach (var device in targets)
            {
                pairs[(device.DeviceId, profile.Name)] = (device, profile);
            }
        }

        // Traps are matched by source address: with several devices on one host (different ports) the lowest id wins.
        var byHost = new Dictionary<string, PolledDevice>(StringComparer.Ordinal);
        var byEngine = new Dictionary<string, PolledDevice>(StringComparer.Ordinal);
        foreach (var d in devices)
        {
            byHost.TryAdd(d.Host, d);
            if (d.EngineId is not null)
            {
                byEngine.TryAdd(d.EngineId, d);
            }
        }

        return new PollPlan(byId, pairs.Values.OrderBy(p => p.Item1.DeviceId).ThenBy(p => p.Item2.Name, StringComparer.Ordinal).ToList(), byHost, byEngine);
    }
}
