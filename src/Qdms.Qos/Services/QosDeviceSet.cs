namespace Qdms.Qos.Services;

/// <summary>
/// The devices a ranking covers: those named by id, plus — when <see cref="All"/> is set or a <see cref="Tag"/> or
/// <see cref="Model"/> is given — every device of the caller's scope that carries the tag and has the model.
/// </summary>
public sealed record QosDeviceSet(IReadOnlyList<long>? DeviceIds = null, string? Tag = null, string? Model = null, bool All = false)
{
    /// <summary>True when a filter (rather than ids alone) adds devices.</summary>
    public bool HasFilter => All || !string.IsNullOrWhiteSpace(Tag) || !string.IsNullOrWhiteSpace(Model);

    /// <summary>True when nothing names any device.</summary>
    public bool IsEmpty => !HasFilter && (DeviceIds is null || DeviceIds.Count == 0);
}
