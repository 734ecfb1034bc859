using System.Text.Json;

namespace Qdms.Contracts;

/// <summary>The device list's filters (the query parameters of <c>GET /api/v1/devices</c>); every one given must match.</summary>
public sealed record BulkDeviceFilterDto(
    string? Q = null,
    string? Protocol = null,
    string? Group = null,
    string? Tag = null,
    string? Status = null,
    string? Model = null,
    string? Firmware = null);

/// <summary>
/// Queues one task for many devices: either <see cref="DeviceIds"/> (at most 10,000; another tenant's id is a 404) or
/// <see cref="Filter"/> (at most 100,000 matching devices, within the caller's tenant). <see cref="Arguments"/> and
/// <see cref="ExpiresInSeconds"/> are those of a single task.
/// </summary>
public sealed record CreateBulkTaskRequest(
    string Kind,
    IReadOnlyList<long>? DeviceIds = null,
    BulkDeviceFilterDto? Filter = null,
    JsonElement? Arguments = null,
    int? ExpiresInSeconds = null);

/// <summary>
/// A bulk job and its progress. <see cref="State"/> is queuing, queued or interrupted; <see cref="Matched"/> the devices the
/// selection held, <see cref="Total"/> the tasks written; then the tasks by status. <see cref="Finished"/> once every task is
/// done, failed or expired.
/// </summary>
public sealed record BulkTaskJobDto(
    long Id,
    string Kind,
    string Selection,
    string State,
    long Matched,
    long Total,
    long Queued,
    long Sent,
    long Done,
    long Failed,
    long Expired,
    bool Finished,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
