using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    /// <summary>Queues one task for explicit device ids or for every device a filter matches; returns once all tasks are queued.</summary>
    public Task<BulkTaskJobDto> CreateBulkTaskAsync(CreateBulkTaskRequest request, CancellationToken ct = default) =>
        SendJsonAsync<BulkTaskJobDto>(HttpMethod.Post, "api/v1/devices/bulk-tasks", request, ct);

    /// <summary>A bulk job with its tasks counted by status.</summary>
    public Task<BulkTaskJobDto> GetBulkTaskAsync(long id, CancellationToken ct = default) => GetAsync<BulkTaskJobDto>($"api/v1/bulk-tasks/{id}", ct);
}
