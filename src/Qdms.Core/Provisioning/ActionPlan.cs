namespace Qdms.Core.Provisioning;

/// <summary>
/// What one action of a rule does to a device now: <see cref="Apply"/> and why (<see cref="Reason"/>). For a <c>set</c>,
/// <see cref="Values"/> are the values the device does not report yet; <see cref="TaskKind"/> and <see cref="TaskArguments"/>
/// are the task it queues (null for actions applied to the device directly).
/// </summary>
public sealed record ActionPlan(RuleAction Action, bool Apply, string Reason, IReadOnlyList<RuleSetValue>? Values = null, string? TaskKind = null, string? TaskArguments = null);
