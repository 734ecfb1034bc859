using Qdms.Core.Devices;
using Qdms.Qos.Augmented;

namespace Qdms.Qos.Targets;

/// <summary>
/// Where a device's Arrowhead metadata lives in QDMS, which has no free-form metadata field: in its tags.
/// <c>qos:1.4</c>, <c>qos:2.1</c> … stand for <c>{"qos":{"deviceAugmented":["1.4","2.1",…]}}</c>, and <c>system:&lt;name&gt;</c>
/// names an Arrowhead system the device hosts (its device name is always one).
/// </summary>
public static class DeviceQosTags
{
    public const string AugmentedPrefix = "qos:";
    public const string SystemPrefix = "system:";

    /// <summary>The agent OID groups the device advertises, distinct, in ordinal order; unknown OIDs are ignored.</summary>
    public static IReadOnlyList<string> AugmentedGroups(Device device) =>
        device.Tags.Where(t => t.StartsWith(AugmentedPrefix, StringComparison.Ordinal))
            .Select(t => t[AugmentedPrefix.Length..])
            .Where(AgentOids.IsKnown)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The device's system names: its name, then each <c>system:</c> tag, distinct (case-insensitively).</summary>
    public static IReadOnlyList<string> Systems(Device device)
    {
        var names = new List<string> { device.Name };
        foreach (var tag in device.Tags)
        {
            if (tag.StartsWith(SystemPrefix, StringComparison.Ordinal) && tag.Length > SystemPrefix.Length
                && !names.Contains(tag[SystemPrefix.Length..], StringComparer.OrdinalIgnoreCase))
            {
                names.Add(tag[SystemPrefix.Length..]);
            }
        }

        return names;
    }
}
