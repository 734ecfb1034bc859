namespace Qdms.Core.Provisioning;

/// <summary>
/// One action of a rule; <see cref="Type"/> (one of <see cref="RuleActionTypes"/>) says which members it uses:
/// <c>set</c> <see cref="Values"/>; <c>refresh</c> <see cref="Path"/>; <c>addTag</c> <see cref="Tag"/>;
/// <c>setGroup</c> <see cref="ProvisionGroup"/> and/or <see cref="UpdateGroup"/>; <c>download</c> <see cref="FileId"/> and
/// optionally <see cref="FileType"/>; <c>reboot</c> none.
/// </summary>
public sealed record RuleAction(
    string Type,
    IReadOnlyList<RuleSetValue>? Values = null,
    string? Path = null,
    string? Tag = null,
    string? ProvisionGroup = null,
    string? UpdateGroup = null,
    long? FileId = null,
    string? FileType = null)
{
    /// <summary>One line for people: <c>set 2 values</c>, <c>download file 12</c>.</summary>
    public string Describe() => Type switch
    {
        RuleActionTypes.Set => $"set {string.Join(", ", Values!.Select(v => $"{v.Path}={v.Value}"))}",
        RuleActionTypes.Refresh => $"refresh {Path}",
        RuleActionTypes.AddTag => $"add tag {Tag}",
        RuleActionTypes.SetGroup => $"set group {string.Join(", ", new[] { ProvisionGroup is null ? null : $"provision={ProvisionGroup}", UpdateGroup is null ? null : $"update={UpdateGroup}" }.OfType<string>())}",
        RuleActionTypes.Download => $"download file {FileId}",
        _ => Type,
    };
}
