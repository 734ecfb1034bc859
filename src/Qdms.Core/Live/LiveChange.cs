namespace Qdms.Core.Live;

/// <summary>
/// Something that changed and that live readers may want: a device's contact, a task, a new event, an engine's state.
/// </summary>
/// <param name="TenantId">The tenant the change belongs to; null for system-wide changes (engines) and unknown event sources.</param>
/// <param name="DeviceId">The device it concerns, when it concerns one.</param>
public abstract record LiveChange(long? TenantId, long? DeviceId)
{
    /// <summary>When the hub received it (for the writer-to-reader delay).</summary>
    public DateTimeOffset PublishedAt { get; init; }
}
