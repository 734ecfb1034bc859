namespace Qdms.Core.Provisioning;

/// <summary>
/// A declarative provisioning rule of one tenant: on the Inform event codes in <see cref="Events"/>, when every condition of
/// <see cref="When"/> holds, its <see cref="Actions"/> are applied in order. Names are unique within a tenant; every edit
/// raises <see cref="Revision"/>, and one-time actions (download, reboot) run once per revision per device.
/// </summary>
/// <param name="Priority">Rules run in ascending priority, then by id; their tasks are queued in that order.</param>
public sealed record ProvisioningRule(
    long Id,
    long TenantId,
    string Name,
    string? Description,
    bool Enabled,
    int Priority,
    IReadOnlyList<string> Events,
    RuleConditions When,
    IReadOnlyList<RuleAction> Actions,
    int Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
