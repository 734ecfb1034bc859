using Dapper;
using Qdms.Core.Files;

namespace Qdms.Storage.Stores;

internal sealed class SqlDownloadTokenStore(QdmsDb db) : IDownloadTokenStore
{
    private const string Columns =
        "id AS Id, tenant_id AS TenantId, file_id AS FileId, token_hash AS TokenHash, device_id AS DeviceId, task_id AS TaskId, created_at AS CreatedAt, expires_at AS ExpiresAt";

    public async Task<DownloadToken> CreateAsync(DownloadToken t, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO download_tokens (tenant_id, file_id, token_hash, device_id, task_id, created_at, expires_at)
            VALUES (@TenantId, @FileId, @TokenHash, @DeviceId, @TaskId, @createdAt, @expiresAt) RETURNING id
            """,
            new { t.TenantId, t.FileId, t.TokenHash, t.DeviceId, t.TaskId, createdAt = Time.ToDb(t.CreatedAt), expiresAt = Time.ToDb(t.ExpiresAt) });
        return t with { Id = id, CreatedAt = Time.FromDb(Time.ToDb(t.CreatedAt)), ExpiresAt = Time.FromDb(Time.ToDb(t.ExpiresAt)) };
    }

    public async Task<DownloadToken?> FindByHashAsync(string tokenHash, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM download_tokens WHERE token_hash = @tokenHash", new { tokenHash }))?.ToToken();
    }

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync("DELETE FROM download_tokens WHERE expires_at <= @now", new { now = Time.ToDb(now) });
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long TenantId { get; set; }
        public long FileId { get; set; }
        public string TokenHash { get; set; } = "";
        public long? DeviceId { get; set; }
        public long? TaskId { get; set; }
        public long CreatedAt { get; set; }
        public long ExpiresAt { get; set; }

        public DownloadToken ToToken() => new(Id, TenantId, FileId, TokenHash, DeviceId, TaskId, Time.FromDb(CreatedAt), Time.FromDb(ExpiresAt));
    }
}
