namespace Qdms.Core.Provisioning;

/// <summary>A value a <c>set</c> action writes. <see cref="Type"/> null: the engine picks (the device's reported type, else string).</summary>
public sealed record RuleSetValue(string Path, string Value, string? Type);
