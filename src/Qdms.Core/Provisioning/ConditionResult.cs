namespace Qdms.Core.Provisioning;

/// <summary>One precondition checked against a device: what it asks, whether it holds, and what the device has.</summary>
public sealed record ConditionResult(string Condition, bool Holds, string? Actual);
