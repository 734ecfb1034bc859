namespace Qdms.Contracts;

/// <summary>
/// A provisioning rule as written (<c>POST/PUT /api/v1/provisioning/rules</c>); the shape and every member are described in
/// docs/provisioning.md. The server reads the JSON itself, so a member it does not know is refused with a 400 naming it.
/// </summary>
public sealed record ProvisioningRuleRequest(
    string Name,
    IReadOnlyList<string> Events,
    IReadOnlyList<RuleActionDto> Actions,
    RuleConditionsDto? When = null,
    string? Description = null,
    bool? Enabled = null,
    int? Priority = null);

/// <summary>A stored provisioning rule; <see cref="Revision"/> rises with every edit.</summary>
public sealed record ProvisioningRuleDto(
    long Id,
    long TenantId,
    string Name,
    string? Description,
    bool Enabled,
    int Priority,
    int Revision,
    IReadOnlyList<string> Events,
    RuleConditionsDto When,
    IReadOnlyList<RuleActionDto> Actions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);

/// <summary>Preconditions, all of which must hold; text ones match exactly or as a glob (<c>*</c>, <c>?</c>).</summary>
public sealed record RuleConditionsDto(
    string? Oui = null,
    string? ProductClass = null,
    string? Manufacturer = null,
    string? Model = null,
    string? SoftwareVersion = null,
    string? ProvisionGroup = null,
    string? UpdateGroup = null,
    string? Tag = null,
    IReadOnlyList<ParameterConditionDto>? Parameters = null);

/// <summary><c>path op value</c>; op is <c>=</c>, <c>!=</c> or <c>prefix</c>.</summary>
public sealed record ParameterConditionDto(string Path, string Op, string Value);

/// <summary>One action: <c>set</c> (values), <c>refresh</c> (path), <c>addTag</c> (tag), <c>setGroup</c> (provisionGroup/updateGroup), <c>download</c> (fileId, fileType), <c>reboot</c>.</summary>
public sealed record RuleActionDto(
    string Type,
    IReadOnlyDictionary<string, RuleValueDto>? Values = null,
    string? Path = null,
    string? Tag = null,
    string? ProvisionGroup = null,
    string? UpdateGroup = null,
    long? FileId = null,
    string? FileType = null);

/// <summary>A value to set and, optionally, its TR-069 type (<c>unsignedInt</c>, <c>boolean</c> …).</summary>
public sealed record RuleValueDto(string Value, string? Type = null);

/// <summary>What a rule would do to a device now, and why (<c>POST /api/v1/provisioning/rules/{id}/preview?deviceId=</c>).</summary>
/// <param name="EventCode">The event asked about (<c>?event=</c>); null: any event the rule runs on.</param>
/// <param name="Applies">The rule is enabled, runs on the event, its conditions hold and at least one action would apply.</param>
public sealed record ProvisioningPreviewDto(
    long RuleId,
    int Revision,
    long DeviceId,
    bool Enabled,
    string? EventCode,
    bool RunsOnEvent,
    bool ConditionsHold,
    bool Applies,
    IReadOnlyList<ConditionResultDto> Conditions,
    IReadOnlyList<ActionPreviewDto> Actions);

/// <summary>One precondition: what it asks, whether it holds, and the device's value.</summary>
public sealed record ConditionResultDto(string Condition, bool Holds, string? Actual);

/// <summary>One action: whether it would be applied now, and why (or why not).</summary>
public sealed record ActionPreviewDto(string Type, string Action, bool Apply, string Reason, string? TaskKind);
