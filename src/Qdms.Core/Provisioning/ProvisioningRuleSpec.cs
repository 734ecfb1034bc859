namespace Qdms.Core.Provisioning;

/// <summary>A rule as an operator wrote it, validated: what <see cref="ProvisioningRuleParser"/> returns.</summary>
public sealed record ProvisioningRuleSpec(
    string Name,
    string? Description,
    bool Enabled,
    int Priority,
    IReadOnlyList<string> Events,
    RuleConditions When,
    IReadOnlyList<RuleAction> Actions);
