using System.Data.Common;
using Dapper;
using Qdms.Core.Errors;
using Qdms.Core.Files;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

internal sealed class SqlFileStore(QdmsDb db) : IFileStore
{
    private const string Columns =
        "id AS Id, tenant_id AS TenantId, type AS Type, provision_group AS ProvisionGroup, update_group AS UpdateGroup, name AS Name, version AS Version, " +
        "crc32 AS Crc32, sha256 AS Sha256, size AS Size, content_key AS ContentKey, created_at AS CreatedAt, created_by AS CreatedBy";

    public async Task<StoredFile> CreateAsync(StoredFile f, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            var id = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO files (tenant_id, type, provision_group, update_group, name, version, crc32, sha256, size, content_key, created_at, created_by)
                VALUES (@TenantId, @type, @ProvisionGroup, @UpdateGroup, @Name, @Version, @crc32, @Sha256, @Size, @ContentKey, @createdAt, @CreatedBy)
                RETURNING id
                """,
                new
                {
                    f.TenantId,
                    type = f.Type.ToName(),
                    f.ProvisionGroup,
                    f.UpdateGroup,
                    f.Name,
                    f.Version,
                    crc32 = (long)f.Crc32,
                    f.Sha256,
                    f.Size,
                    f.ContentKey,
                    createdAt = Time.ToDb(f.CreatedAt),
                    f.CreatedBy,
                });
            return f with { Id = id, CreatedAt = Time.FromDb(Time.ToDb(f.CreatedAt)) };
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"A {f.Type.ToName()} file named '{f.Name}' with version '{f.Version}' is already registered.");
        }
    }

    public async Task<StoredFile?> GetAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM files WHERE id = @id{where}", p))?.ToFile();
    }

    public async Task<Page<StoredFile>> ListAsync(TenantScope scope, FileQuery query, PageRequest page, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = "WHERE 1=1" + TenantFilter.Sql(scope, p);
        if (query.Type is { } type)
        {
            where += " AND type = @type";
            p.Add("type", type.ToName());
        }

        if (!string.IsNullOrEmpty(query.Group))
        {
            where += " AND (provision_group = @group OR update_group = @group)";
            p.Add("group", query.Group);
        }

        p.Add("limit", page.Size);
        p.Add("offset", page.Offset);
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM files {where}", p);
        var rows = await c.QueryAsync<Row>($"SELECT {Columns} FROM files {where} ORDER BY id DESC LIMIT @limit OFFSET @offset", p);
        return new Page<StoredFile>(rows.Select(r => r.ToFile()).ToList(), total, page.Page, page.Size);
    }

    public async Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync($"DELETE FROM files WHERE id = @id{where}", p) > 0;
    }

    public async Task<FileStats> StatsAsync(TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleAsync<StatsRow>($"SELECT COUNT(*) AS Count, COALESCE(SUM(size), 0) AS Bytes FROM files WHERE 1=1{where}", p);
        return new FileStats(row.Count, row.Bytes);
    }

    public async Task<IReadOnlySet<string>> AllContentKeysAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<string>("SELECT content_key FROM files")).ToHashSet(StringComparer.Ordinal);
    }

    private sealed class StatsRow
    {
        public long Count { get; set; }
        public long Bytes { get; set; }
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long TenantId { get; set; }
        public string Type { get; set; } = "";
        public string ProvisionGroup { get; set; } = "";
        public string UpdateGroup { get; set; } = "";
        public string Name { get; set; } = "";
        public string Version { get; set; } = "";
        public long Crc32 { get; set; }
        public string Sha256 { get; set; } = "";
        public long Size { get; set; }
        public string ContentKey { get; set; } = "";
        public long CreatedAt { get; set; }
        public string CreatedBy { get; set; } = "";

        public StoredFile ToFile() =>
            new(Id, TenantId, FileTypeNames.TryParse(Type, out var t) ? t : FileType.Other, ProvisionGroup, UpdateGroup, Name, Version, (uint)Crc32, Sha256, Size,
                ContentKey, Time.FromDb(CreatedAt), CreatedBy);
    }
}
