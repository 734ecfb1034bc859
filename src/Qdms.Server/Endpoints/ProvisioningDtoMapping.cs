using Qdms.Contracts;
using Qdms.Core.Provisioning;

namespace Qdms.Server.Endpoints;

/// <summary>Provisioning model → wire shapes (requests are read as JSON by <see cref="ProvisioningRuleParser"/>).</summary>
internal static class ProvisioningDtoMapping
{
    public static ProvisioningRuleDto ToDto(this ProvisioningRule r) => new(
        r.Id, r.TenantId, r.Name, r.Description, r.Enabled, r.Priority, r.Revision, r.Events,
        new RuleConditionsDto(r.When.Oui, r.When.ProductClass, r.When.Manufacturer, r.When.Model, r.When.SoftwareVersion, r.When.ProvisionGroup,
            r.When.UpdateGroup, r.When.Tag, r.When.Parameters?.Select(p => new ParameterConditionDto(p.Path, p.Op, p.Value)).ToList()),
        r.Actions.Select(ToDto).ToList(), r.CreatedAt, r.UpdatedAt, r.UpdatedBy);

    public static RuleActionDto ToDto(this RuleAction a) => new(
        a.Type, a.Values?.ToDictionary(v => v.Path, v => new RuleValueDto(v.Value, v.Type), StringComparer.Ordinal), a.Path, a.Tag, a.ProvisionGroup, a.UpdateGroup, a.FileId, a.FileType);

    public static ProvisioningPreviewDto ToDto(this ProvisioningPreview p) => new(
        p.Rule.Id, p.Rule.Revision, p.DeviceId, p.Rule.Enabled, p.EventCode, p.RunsOnEvent, p.ConditionsHold, p.Applies,
        p.Conditions.Select(c => new ConditionResultDto(c.Condition, c.Holds, c.Actual)).ToList(),
        p.Actions.Select(a => new ActionPreviewDto(a.Action.Type, a.Action.Describe(), a.Apply, a.Reason, a.TaskKind)).ToList());
}
