using Microsoft.Extensions.Options;

namespace Qdms.Qos.Configuration;

/// <summary>
/// The seed's rules for the evaluator's settings, each failure naming the key (QDMS's and Arrowhead's), the value and the rule.
/// </summary>
public sealed class QosOptionsValidator : IValidateOptions<QosOptions>
{
    public static readonly string[] Policies = ["sysop-only", "whitelist", "authorization"];
    public static readonly string[] Methods = ["auto", "icmp", "tcp", "arrowhead"];

    public ValidateOptionsResult Validate(string? name, QosOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every broken rule, in key order; empty when the settings are usable.</summary>
    public static IReadOnlyList<string> Check(QosOptions o)
    {
        var errors = new List<string>();
        void Rule(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                errors.Add($"{QosConfigKeys.Describe(key)} is {value}: {rule}");
            }
        }

        Rule(o.OrganizerIntervalSeconds >= 10, nameof(o.OrganizerIntervalSeconds), o.OrganizerIntervalSeconds, "the organizer interval cannot be less than 10 seconds.");
        Rule(o.RttIntervalSeconds >= 5, nameof(o.RttIntervalSeconds), o.RttIntervalSeconds, "the RTT interval cannot be less than 5 seconds.");
        Rule(o.RttTimeoutMs >= 3000, nameof(o.RttTimeoutMs), o.RttTimeoutMs, "the RTT timeout cannot be less than 3000 milliseconds.");
        Rule(o.RttTimeoutMs < o.RttIntervalSeconds * 1000L, nameof(o.RttTimeoutMs), o.RttTimeoutMs,
            $"the RTT timeout must be less than rtt.measurement.job.interval ({o.RttIntervalSeconds} s = {o.RttIntervalSeconds * 1000L} ms).");
        Rule(o.AugmentedIntervalSeconds >= 5, nameof(o.AugmentedIntervalSeconds), o.AugmentedIntervalSeconds, "the augmented interval cannot be less than 5 seconds.");
        Rule(o.AugmentedIntervalSeconds <= 30, nameof(o.AugmentedIntervalSeconds), o.AugmentedIntervalSeconds,
            "the augmented interval cannot be more than 30 seconds: the device agent keeps 30 s of samples, so a longer interval loses measurements.");
        Rule(o.CleaningIntervalSeconds >= 60, nameof(o.CleaningIntervalSeconds), o.CleaningIntervalSeconds, "the cleaning interval cannot be less than 60 seconds.");
        Rule(o.RawMeasurementMaxAgeMinutes >= 1, nameof(o.RawMeasurementMaxAgeMinutes), o.RawMeasurementMaxAgeMinutes, "the raw data max age must be at least 1 minute.");
        Rule(o.InactiveDeviceMaxAgeMinutes >= 1, nameof(o.InactiveDeviceMaxAgeMinutes), o.InactiveDeviceMaxAgeMinutes, "the inactive device max age must be at least 1 minute.");
        Rule(o.EvaluationWindowSeconds >= 1, nameof(o.EvaluationWindowSeconds), o.EvaluationWindowSeconds, "the evaluation window must be at least 1 second.");
        Rule(o.EvaluationWindowSeconds < o.RawMeasurementMaxAgeMinutes * 60L, nameof(o.EvaluationWindowSeconds), o.EvaluationWindowSeconds,
            $"the evaluation window must be less than raw.measurement.data.max.age ({o.RawMeasurementMaxAgeMinutes} min = {o.RawMeasurementMaxAgeMinutes * 60L} s).");
        Rule(o.MaxPageSize is >= 1 and <= 100_000, nameof(o.MaxPageSize), o.MaxPageSize, "the max page size must be between 1 and 100000.");
        Rule(Policies.Contains(o.ManagementPolicy), nameof(o.ManagementPolicy), $"'{o.ManagementPolicy}'", $"the management policy must be one of {string.Join(", ", Policies)}.");
        Rule(Methods.Contains(o.RttMethod), nameof(o.RttMethod), $"'{o.RttMethod}'", $"the RTT method must be one of {string.Join(", ", Methods)}.");
        Rule(o.RttTcpPort is >= 1 and <= 65535, nameof(o.RttTcpPort), o.RttTcpPort, "a port is between 1 and 65535.");
        Rule(o.ArrowheadClosedPort is >= 1 and <= 65535, nameof(o.ArrowheadClosedPort), o.ArrowheadClosedPort, "a port is between 1 and 65535.");
        Rule(o.AgentPort is >= 1 and <= 65535, nameof(o.AgentPort), o.AgentPort, "a port is between 1 and 65535.");
        Rule(o.RttProbes is >= 1 and <= 100, nameof(o.RttProbes), o.RttProbes, "a batch has 1 to 100 probes.");
        Rule(o.RttProbeSpacingMs >= 0, nameof(o.RttProbeSpacingMs), o.RttProbeSpacingMs, "the spacing cannot be negative.");
        Rule((o.RttProbes - 1L) * o.RttProbeSpacingMs + o.RttTimeoutMs < o.RttIntervalSeconds * 1000L, nameof(o.RttProbeSpacingMs), o.RttProbeSpacingMs,
            $"a batch ((RttProbes − 1) × spacing + timeout = {(o.RttProbes - 1L) * o.RttProbeSpacingMs + o.RttTimeoutMs} ms) must end within the RTT interval.");
        Rule(o.AgentScheme is "http" or "https", nameof(o.AgentScheme), $"'{o.AgentScheme}'", "the agent scheme is http or https.");
        Rule(o.AgentTimeoutMs >= 100 && o.AgentTimeoutMs < o.AugmentedIntervalSeconds * 1000L, nameof(o.AgentTimeoutMs), o.AgentTimeoutMs,
            "the agent timeout must be at least 100 ms and less than the augmented interval.");
        Rule(o.MaxConcurrency is >= 1 and <= 65536, nameof(o.MaxConcurrency), o.MaxConcurrency, "between 1 and 65536 jobs may run at once.");
        return errors;
    }
}
