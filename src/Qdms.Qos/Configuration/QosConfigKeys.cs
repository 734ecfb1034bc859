using System.Globalization;

namespace Qdms.Qos.Configuration;

/// <summary>The Arrowhead property name of each setting, and its value as Arrowhead's <c>get-config</c> writes it.</summary>
public static class QosConfigKeys
{
    /// <summary>Arrowhead name → (QDMS key, value).</summary>
    public static IReadOnlyList<(string Arrowhead, string Qdms, Func<QosOptions, string> Value)> All { get; } =
    [
        ("measurement.organizer.job.interval", nameof(QosOptions.OrganizerIntervalSeconds), o => Num(o.OrganizerIntervalSeconds)),
        ("rtt.measurement.job.interval", nameof(QosOptions.RttIntervalSeconds), o => Num(o.RttIntervalSeconds)),
        ("rtt.measurement.timeout", nameof(QosOptions.RttTimeoutMs), o => Num(o.RttTimeoutMs)),
        ("augmented.measurement.job.interval", nameof(QosOptions.AugmentedIntervalSeconds), o => Num(o.AugmentedIntervalSeconds)),
        ("evaluation.time.window", nameof(QosOptions.EvaluationWindowSeconds), o => Num(o.EvaluationWindowSeconds)),
        ("cleaning.job.interval", nameof(QosOptions.CleaningIntervalSeconds), o => Num(o.CleaningIntervalSeconds)),
        ("raw.measurement.data.max.age", nameof(QosOptions.RawMeasurementMaxAgeMinutes), o => Num(o.RawMeasurementMaxAgeMinutes)),
        ("inactive.device.max.age", nameof(QosOptions.InactiveDeviceMaxAgeMinutes), o => Num(o.InactiveDeviceMaxAgeMinutes)),
        ("max.page.size", nameof(QosOptions.MaxPageSize), o => Num(o.MaxPageSize)),
        ("enable.management.filter", nameof(QosOptions.EnableManagementFilter), o => Bool(o.EnableManagementFilter)),
        ("management.policy", nameof(QosOptions.ManagementPolicy), o => o.ManagementPolicy),
        ("management.whitelist", nameof(QosOptions.ManagementWhitelist), o => o.ManagementWhitelist),
        ("enable.blacklist.filter", nameof(QosOptions.EnableBlacklistFilter), o => Bool(o.EnableBlacklistFilter)),
        ("force.blacklist.filter", nameof(QosOptions.ForceBlacklistFilter), o => Bool(o.ForceBlacklistFilter)),
        ("blacklist.check.exclude.list", nameof(QosOptions.BlacklistCheckExcludeList), o => o.BlacklistCheckExcludeList),
    ];

    /// <summary>The key as a message names it: <c>Qdms:Qos:RttTimeoutMs (rtt.measurement.timeout)</c>.</summary>
    public static string Describe(string qdmsKey)
    {
        var arrowhead = All.FirstOrDefault(k => k.Qdms == qdmsKey).Arrowhead;
        return arrowhead is null ? $"{QosOptions.Section}:{qdmsKey}" : $"{QosOptions.Section}:{qdmsKey} ({arrowhead})";
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
