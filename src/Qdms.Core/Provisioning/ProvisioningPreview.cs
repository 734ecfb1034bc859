namespace Qdms.Core.Provisioning;

/// <summary>
/// What a rule would do to a device now, and why: whether it runs on the event asked about, each condition with the
/// device's value, and each action's plan (applied, or skipped with the reason).
/// </summary>
/// <param name="EventCode">The event asked about; null: any event the rule runs on.</param>
/// <param name="Applies">True when the rule runs and at least one action would be applied.</param>
public sealed record ProvisioningPreview(
    ProvisioningRule Rule,
    long DeviceId,
    string? EventCode,
    bool RunsOnEvent,
    bool ConditionsHold,
    bool Applies,
    IReadOnlyList<ConditionResult> Conditions,
    IReadOnlyList<ActionPlan> Actions);
