namespace Qdms.Core.Provisioning;

/// <summary>The revision of a rule last applied to a device, and when.</summary>
public readonly record struct RuleApplication(int Revision, DateTimeOffset AppliedAt);
