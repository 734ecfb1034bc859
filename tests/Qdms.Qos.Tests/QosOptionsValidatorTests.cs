using Qdms.Qos.Configuration;

namespace Qdms.Qos.Tests;

public sealed class QosOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(QosOptionsValidator.Check(new QosOptions()));

    [Theory]
    [InlineData(nameof(QosOptions.OrganizerIntervalSeconds), 9, "Qdms:Qos:OrganizerIntervalSeconds (measurement.organizer.job.interval) is 9: the organizer interval cannot be less than 10 seconds.")]
    [InlineData(nameof(QosOptions.RttIntervalSeconds), 4, "Qdms:Qos:RttIntervalSeconds (rtt.measurement.job.interval) is 4: the RTT interval cannot be less than 5 seconds.")]
    [InlineData(nameof(QosOptions.RttTimeoutMs), 2999, "Qdms:Qos:RttTimeoutMs (rtt.measurement.timeout) is 2999: the RTT timeout cannot be less than 3000 milliseconds.")]
    [InlineData(nameof(QosOptions.RttTimeoutMs), 30000, "Qdms:Qos:RttTimeoutMs (rtt.measurement.timeout) is 30000: the RTT timeout must be less than rtt.measurement.job.interval (30 s = 30000 ms).")]
    [InlineData(nameof(QosOptions.AugmentedIntervalSeconds), 4, "Qdms:Qos:AugmentedIntervalSeconds (augmented.measurement.job.interval) is 4: the augmented interval cannot be less than 5 seconds.")]
    [InlineData(nameof(QosOptions.AugmentedIntervalSeconds), 31, "Qdms:Qos:AugmentedIntervalSeconds (augmented.measurement.job.interval) is 31: the augmented interval cannot be more than 30 seconds")]
    [InlineData(nameof(QosOptions.CleaningIntervalSeconds), 59, "Qdms:Qos:CleaningIntervalSeconds (cleaning.job.interval) is 59: the cleaning interval cannot be less than 60 seconds.")]
    [InlineData(nameof(QosOptions.EvaluationWindowSeconds), 86400, "Qdms:Qos:EvaluationWindowSeconds (evaluation.time.window) is 86400: the evaluation window must be less than raw.measurement.data.max.age (1440 min = 86400 s).")]
    [InlineData(nameof(QosOptions.MaxPageSize), 0, "Qdms:Qos:MaxPageSize (max.page.size) is 0: the max page size must be between 1 and 100000.")]
    public void A_broken_rule_is_reported_naming_both_keys_the_value_and_the_rule(string property, int value, string expected)
    {
        var options = new QosOptions();
        typeof(QosOptions).GetProperty(property)!.SetValue(options, value);

        var errors = QosOptionsValidator.Check(options);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_management_policy_is_refused_listing_the_known_ones()
    {
        var errors = QosOptionsValidator.Check(new QosOptions { ManagementPolicy = "everyone" });

        Assert.Equal("Qdms:Qos:ManagementPolicy (management.policy) is 'everyone': the management policy must be one of sysop-only, whitelist, authorization.", errors.Single());
    }

    [Fact]
    public void Get_config_names_are_arrowheads()
    {
        var names = QosConfigKeys.All.Select(k => k.Arrowhead).ToList();

        Assert.Contains("rtt.measurement.timeout", names);
        Assert.Contains("inactive.device.max.age", names);
        Assert.Equal("3000", QosConfigKeys.All.Single(k => k.Arrowhead == "rtt.measurement.timeout").Value(new QosOptions()));
    }
}
