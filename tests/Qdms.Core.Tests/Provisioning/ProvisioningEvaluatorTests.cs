using Qdms.Core.Devices;
using Qdms.Core.Provisioning;

namespace Qdms.Core.Tests.Provisioning;

public sealed class ProvisioningEvaluatorTests
{
    private static readonly DeviceFacts Gateway = new("00D09E", "SimGW", "ACME", "SimGW", "3.2.1", "pg", null, ["lab", "north"]);

    [Theory]
    [InlineData("3.2.1", "3.2.1", true)]
    [InlineData("3.2.*", "3.2.1", true)]
    [InlineData("3.2.*", "3.20", false)]
    [InlineData("3.?.1", "3.2.1", true)]
    [InlineData("*", "", true)]
    [InlineData("*.1", "3.2.1", true)]
    [InlineData("3*1*", "3.2.1", true)]
    [InlineData("3.2", "3.2.1", false)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    public void Globs_match_exactly_or_with_wildcards(string pattern, string text, bool matches) => Assert.Equal(matches, Glob.Matches(pattern, text));

    [Fact]
    public void Facts_hold_only_when_every_given_condition_does_and_an_explanation_names_each()
    {
        Assert.True(ProvisioningEvaluator.FactsHold(new RuleConditions(Oui: "00D09E", SoftwareVersion: "3.*", Tag: "lab", ProvisionGroup: "pg"), Gateway));
        Assert.False(ProvisioningEvaluator.FactsHold(new RuleConditions(UpdateGroup: "ug"), Gateway)); // the device has none
        Assert.False(ProvisioningEvaluator.FactsHold(new RuleConditions(Tag: "south"), Gateway));

        var explain = new List<ConditionResult>();
        Assert.False(ProvisioningEvaluator.FactsHold(new RuleConditions(Oui: "FFFFFF", Model: "SimGW", Tag: "south"), Gateway, explain));
        Assert.Equal([("oui = FFFFFF", false, "00D09E"), ("model = SimGW", true, "SimGW"), ("tag = south", false, "lab,north")],
            explain.Select(c => (c.Condition, c.Holds, c.Actual)));
    }

    [Fact]
    public void Parameter_conditions_compare_the_reported_value_and_an_unreported_one_is_unequal()
    {
        var values = new Dictionary<string, string?> { ["Device.A"] = "HW-1.0" };
        string? ValueOf(string p) => values.GetValueOrDefault(p);
        Assert.True(ProvisioningEvaluator.ParametersHold(new RuleConditions(Parameters: [new("Device.A", "=", "HW-1.0"), new("Device.A", "prefix", "HW-"), new("Device.B", "!=", "x")]), ValueOf));
        Assert.False(ProvisioningEvaluator.ParametersHold(new RuleConditions(Parameters: [new("Device.B", "=", "")]), ValueOf));
        Assert.False(ProvisioningEvaluator.ParametersHold(new RuleConditions(Parameters: [new("Device.A", "!=", "HW-1.0")]), ValueOf));
    }

    [Fact]
    public void A_set_value_is_the_same_when_the_device_reports_it_booleans_as_1_or_true()
    {
        Assert.True(ProvisioningEvaluator.SameValue(new RuleSetValue("X", "true", "boolean"), "1"));
        Assert.True(ProvisioningEvaluator.SameValue(new RuleSetValue("X", "600", "unsignedInt"), "600"));
        Assert.False(ProvisioningEvaluator.SameValue(new RuleSetValue("X", "600", "unsignedInt"), "300"));
        Assert.False(ProvisioningEvaluator.SameValue(new RuleSetValue("X", "1", "string"), "true"));
        Assert.False(ProvisioningEvaluator.SameValue(new RuleSetValue("X", "a", null), null));
    }

    [Theory]
    [InlineData(new[] { "Device.A.B", "Device.A.C" }, "Device.A.")]
    [InlineData(new[] { "Device.AB", "Device.AC" }, "Device.")]
    [InlineData(new[] { "Device.A", "Device.A.B" }, "Device.")]
    [InlineData(new[] { "Device.A.B" }, "Device.A.B")]
    [InlineData(new[] { "Device.A", "InternetGatewayDevice.A" }, "")]
    public void Stored_values_are_read_under_the_longest_common_prefix_that_ends_at_a_dot(string[] paths, string prefix) =>
        Assert.Equal(prefix, ProvisioningApplier.CommonPrefix(paths));

    [Fact]
    public void A_stored_devices_oui_and_product_class_come_from_its_cwmp_identity()
    {
        var now = DateTimeOffset.UnixEpoch;
        Device Of(string key, string? serial) => new(1, 1, "d", null, "M", serial, null, null, null, DeviceStatus.Unknown, [], null, null, null, now, now, [new DeviceIdentity("tr069", key)]);
        Assert.Equal(("00D09E", "Sim-GW"), (DeviceFacts.Of(Of("00D09E-Sim-GW-S-1", "S-1")).Oui, DeviceFacts.Of(Of("00D09E-Sim-GW-S-1", "S-1")).ProductClass));
        Assert.Equal(("00D09E", null), (DeviceFacts.Of(Of("00D09E-S1", "S1")).Oui, DeviceFacts.Of(Of("00D09E-S1", "S1")).ProductClass));
    }
}
