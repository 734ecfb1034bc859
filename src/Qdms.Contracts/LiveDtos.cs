namespace Qdms.Contracts;

/// <summary>
/// A <c>device</c> message of <c>GET /api/v1/live</c>: the device was in contact (<see cref="LastContactAt"/>) or its status
/// changed. <see cref="Status"/> (unknown, online, offline, unreachable) is null when the contact left it as it was;
/// <see cref="LastContactAt"/> is null when only the status changed.
/// </summary>
public sealed record LiveDeviceDto(long Id, long TenantId, string? Status, DateTimeOffset? LastContactAt);

/// <summary>
/// An <c>engine</c> message of <c>GET /api/v1/live</c>: an instance was added, removed (<see cref="Removed"/>), or its
/// recorded state (active, inactive, failed), wanted state (running, stopped) or last error changed.
/// </summary>
public sealed record LiveEngineDto(
    long Id, string Type, string Alias, int Index, string State, string DesiredState, string? LastError, string? Node, bool Removed, DateTimeOffset UpdatedAt);

/// <summary>The <c>ready</c> message, first on every live stream: the subscription is in place; what it carries.</summary>
public sealed record LiveReadyDto(IReadOnlyList<string> Topics, long? DeviceId, int QueueCapacity, int HeartbeatSeconds);

/// <summary>The <c>dropped</c> message, last on a stream the server ends because the reader fell too far behind.</summary>
public sealed record LiveDroppedDto(string Reason);
