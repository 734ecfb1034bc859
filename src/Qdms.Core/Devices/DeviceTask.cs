namespace Qdms.Core.Devices;

/// <summary>An operation queued for a device, run by the device's engine when the device is in contact.</summary>
/// <param name="Kind">One of <see cref="TaskKinds.All"/>.</param>
/// <param name="Arguments">A JSON object, or null.</param>
/// <param name="Result">The engine's JSON result once done, or null.</param>
/// <param name="CreatedBy">The user name (or <c>system</c>) that queued it.</param>
public sealed record DeviceTask(
    long Id,
    long DeviceId,
    long TenantId,
    string Kind,
    string? Arguments,
    DeviceTaskStatus Status,
    string? Result,
    string? FaultCode,
    string? FaultMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpiresAt,
    string CreatedBy);
