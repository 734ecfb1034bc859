namespace Qdms.Core.Provisioning;

/// <summary>A rule that runs for a device now and what each of its actions does.</summary>
public sealed record RulePlan(ProvisioningRule Rule, IReadOnlyList<ActionPlan> Actions)
{
    public bool AppliesAnything => Actions.Any(a => a.Apply);
}
