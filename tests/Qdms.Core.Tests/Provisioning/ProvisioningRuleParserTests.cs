using System.Text.Json;
using Qdms.Core.Errors;
using Qdms.Core.Provisioning;

namespace Qdms.Core.Tests.Provisioning;

public sealed class ProvisioningRuleParserTests
{
    private static ProvisioningRuleSpec Parse(string json) => ProvisioningRuleParser.Parse(JsonDocument.Parse(json).RootElement);

    private static string FieldOf(string json) => Assert.Single(Assert.Throws<ValidationException>(() => Parse(json)).Errors).Key;

    [Fact]
    public void A_full_rule_is_read_with_defaults_canonical_events_and_typed_values()
    {
        var spec = Parse("""
            {"name": " defaults ", "events": ["0 bootstrap", "1", "M Reboot", "1 BOOT"],
             "when": {"oui": "00D09E", "softwareVersion": "1.*", "tag": "lab", "parameters": [{"path": "Device.X.Y", "value": 5}]},
             "actions": [{"type": "set", "values": {"Device.A.B": 600, "Device.A.C": true, "Device.A.D": "text", "Device.A.E": {"value": "-1", "type": "int"}}},
                         {"type": "refresh", "path": "Device.WiFi."}, {"type": "setGroup", "updateGroup": "ug"}, {"type": "download", "fileId": 3}, {"type": "reboot", "values": null}]}
            """);

        Assert.Equal(("defaults", true, ProvisioningRuleParser.DefaultPriority), (spec.Name, spec.Enabled, spec.Priority));
        Assert.Equal(["0 BOOTSTRAP", "1 BOOT", "M Reboot"], spec.Events);
        Assert.Equal(new ParameterCondition("Device.X.Y", "=", "5"), Assert.Single(spec.When.Parameters!));
        Assert.Equal(
            [new RuleSetValue("Device.A.B", "600", "unsignedInt"), new RuleSetValue("Device.A.C", "true", "boolean"), new RuleSetValue("Device.A.D", "text", null), new RuleSetValue("Device.A.E", "-1", "int")],
            spec.Actions[0].Values!);
        Assert.Equal(("Device.WiFi.", "ug", null, 3L), (spec.Actions[1].Path, spec.Actions[2].UpdateGroup, spec.Actions[2].ProvisionGroup, spec.Actions[3].FileId));
    }

    [Theory]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "set", "values": {"Device.A.B": 1, "Device.A.B ": 2}}]}""", "actions[0].values.Device.A.B ")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "set", "values": {"1Device.A": 1}}]}""", "actions[0].values.1Device.A")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "set", "values": {"Device.A": {"value": 1, "type": "float"}}}]}""", "actions[0].values.Device.A.type")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "set", "values": {"Device.A": {"type": "int"}}}]}""", "actions[0].values.Device.A")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "set", "values": {"Device.A": 1.5}}]}""", "actions[0].values.Device.A")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "download", "fileId": 1, "fileType": "firmware"}]}""", "actions[0].fileType")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "reboot", "path": "Device."}]}""", "actions[0].path")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "actions": [7]}""", "actions[0]")]
    [InlineData("""{"name": "r", "events": "1 BOOT", "actions": [{"type": "reboot"}]}""", "events")]
    [InlineData("""{"name": "r", "events": [1], "actions": [{"type": "reboot"}]}""", "events[0]")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "priority": -1, "actions": [{"type": "reboot"}]}""", "priority")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "enabled": "yes", "actions": [{"type": "reboot"}]}""", "enabled")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "when": {"model": 5}, "actions": [{"type": "reboot"}]}""", "when.model")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "when": {"parameters": [{"path": "Device.", "value": "x"}]}, "actions": [{"type": "reboot"}]}""", "when.parameters[0].path")]
    [InlineData("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "reboot"}], "extra": 1}""", "extra")]
    public void A_bad_rule_names_the_field_at_fault(string json, string field) => Assert.Equal(field, FieldOf(json));

    [Fact]
    public void Every_action_kind_needs_its_members()
    {
        Assert.Equal("actions[0].path", FieldOf("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "refresh"}]}"""));
        Assert.Equal("actions[0].tag", FieldOf("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "addTag"}]}"""));
        Assert.Equal("actions[0].values", FieldOf("""{"name": "r", "events": ["1 BOOT"], "actions": [{"type": "set"}]}"""));
        Assert.Equal("actions[0].type", FieldOf("""{"name": "r", "events": ["1 BOOT"], "actions": [{}]}"""));
        var tooMany = string.Join(",", Enumerable.Repeat("""{"type": "reboot"}""", ProvisioningRuleParser.MaxActions + 1));
        Assert.Equal("actions", FieldOf($$"""{"name": "r", "events": ["1 BOOT"], "actions": [{{tooMany}}]}"""));
    }
}
