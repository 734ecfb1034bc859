using Dapper;
using Qdms.Core.Audit;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

internal sealed class SqlAuditStore(QdmsDb db) : IAuditStore
{
    public async Task AppendAsync(AuditEntry e, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            """
            INSERT INTO audit_log (at, user_id, username, tenant_id, action, target, details)
            VALUES (@at, @UserId, @Username, @TenantId, @Action, @Target, @Details)
            """,
            new { at = Time.ToDb(e.At), e.UserId, e.Username, e.TenantId, e.Action, e.Target, e.Details });
    }

    public async Task<Page<AuditEntry>> ListAsync(TenantScope scope, AuditQuery query, PageRequest page, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = "WHERE 1=1" + TenantFilter.Sql(scope, p);
        if (query.Action is not null)
        {
            where += " AND action = @action";
            p.Add("action", query.Action);
        }

        if (query.Username is not null)
        {
            where += " AND username = @username";
            p.Add("username", query.Username);
        }

        if (query.Since is not null)
        {
            where += " AND at >= @since";
            p.Add("since", Time.ToDb(query.Since.Value));
        }

        if (query.Until is not null)
        {
            where += " AND at < @until";
            p.Add("until", Time.ToDb(query.Until.Value));
        }

        p.Add("limit", page.Size);
        p.Add("offset", page.Offset);
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM audit_log {where}", p);
        var rows = await c.QueryAsync<Row>(
            $"""
            SELECT id AS Id, at AS At, user_id AS UserId, username AS Username, tenant_id AS TenantId, action AS Action, target AS Target, details AS Details
            FROM audit_log {where} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset
            """,
            p);
        return new Page<AuditEntry>(rows.Select(r => r.ToEntry()).ToList(), total, page.Page, page.Size);
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long At { get; set; }
        public long? UserId { get; set; }
        public string Username { get; set; } = "";
        public long? TenantId { get; set; }
        public string Action { get; set; } = "";
        public string Target { get; set; } = "";
        public string? Details { get; set; }

        public AuditEntry ToEntry() => new(Id, Time.FromDb(At), UserId, Username, TenantId, Action, Target, Details);
    }
}
