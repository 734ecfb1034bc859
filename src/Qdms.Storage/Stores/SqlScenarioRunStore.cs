using Dapper;
using Qdms.Core.Paging;
using Qdms.Core.Scenarios;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

internal sealed class SqlScenarioRunStore(QdmsDb db) : IScenarioRunStore
{
    private const string Columns =
        "id AS Id, tenant_id AS TenantId, scenario_id AS ScenarioId, scenario_revision AS ScenarioRevision, device_id AS DeviceId, target AS Target, " +
        "state AS State, verdict AS Verdict, message AS Message, requested_by AS RequestedBy, started_at AS StartedAt, ended_at AS EndedAt, result AS Result, node AS Node";

    public async Task<ScenarioRunRecord> CreateAsync(ScenarioRunRecord r, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO scenario_runs (tenant_id, scenario_id, scenario_revision, device_id, target, state, verdict, message, requested_by, node, started_at)
            VALUES (@TenantId, @ScenarioId, @ScenarioRevision, @DeviceId, @Target, @state, NULL, NULL, @RequestedBy, @Node, @startedAt)
            RETURNING id
            """,
            new { r.TenantId, r.ScenarioId, r.ScenarioRevision, r.DeviceId, r.Target, state = StateName(r.State), r.RequestedBy, r.Node, startedAt = Time.ToDb(r.StartedAt) });
        return r with { Id = id, StartedAt = Time.FromDb(Time.ToDb(r.StartedAt)) };
    }

    public async Task FinishAsync(long id, ScenarioRunState state, string verdict, string? message, DateTimeOffset endedAt, string resultJson, string log, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(
            "UPDATE scenario_runs SET state = @state, verdict = @verdict, message = @message, ended_at = @endedAt, result = @resultJson, log = @log WHERE id = @id",
            new { id, state = StateName(state), verdict, message, endedAt = Time.ToDb(endedAt), resultJson, log });
    }

    public async Task<ScenarioRunRecord?> GetAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM scenario_runs WHERE id = @id{where}", p))?.ToRun();
    }

    public async Task<string?> GetLogAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<string?>($"SELECT log FROM scenario_runs WHERE id = @id{where}", p);
    }

    public async Task<Page<ScenarioRunRecord>> ListAsync(TenantScope scope, long? scenarioId, long? deviceId, PageRequest page, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = "WHERE 1=1" + TenantFilter.Sql(scope, p);
        if (scenarioId is { } s)
        {
            where += " AND scenario_id = @scenarioId";
            p.Add("scenarioId", s);
        }

        if (deviceId is { } d)
        {
            where += " AND device_id = @deviceId";
            p.Add("deviceId", d);
        }

        p.Add("limit", page.Size);
        p.Add("offset", page.Offset);
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM scenario_runs {where}", p);
        var rows = await c.QueryAsync<Row>($"SELECT {Columns} FROM scenario_runs {where} ORDER BY id DESC LIMIT @limit OFFSET @offset", p);
        return new Page<ScenarioRunRecord>(rows.Select(r => r.ToRun()).ToList(), total, page.Page, page.Size);
    }

    public async Task<int> AbandonRunningAsync(string node, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(
            "UPDATE scenario_runs SET state = 'error', verdict = 'error', message = 'the server stopped during the run', ended_at = @now WHERE state = 'running' AND node = @node",
            new { node, now = Time.ToDb(now) });
    }

    internal static string StateName(ScenarioRunState s) => s switch
    {
        ScenarioRunState.Running => "running",
        ScenarioRunState.Completed => "completed",
        ScenarioRunState.Aborted => "aborted",
        ScenarioRunState.LimitReached => "limit-reached",
        ScenarioRunState.Stopped => "stopped",
        _ => "error",
    };

    private static ScenarioRunState ParseState(string s) => s switch
    {
        "running" => ScenarioRunState.Running,
        "completed" => ScenarioRunState.Completed,
        "aborted" => ScenarioRunState.Aborted,
        "limit-reached" => ScenarioRunState.LimitReached,
        "stopped" => ScenarioRunState.Stopped,
        _ => ScenarioRunState.Error,
    };

    private sealed class Row
    {
        public long Id { get; set; }
        public long TenantId { get; set; }
        public long ScenarioId { get; set; }
        public int ScenarioRevision { get; set; }
        public long? DeviceId { get; set; }
        public string? Target { get; set; }
        public string State { get; set; } = "";
        public string? Verdict { get; set; }
        public string? Message { get; set; }
        public string RequestedBy { get; set; } = "";
        public long StartedAt { get; set; }
        public long? EndedAt { get; set; }
        public string? Result { get; set; }
        public string Node { get; set; } = "";

        public ScenarioRunRecord ToRun() =>
            new(Id, TenantId, ScenarioId, ScenarioRevision, DeviceId, Target, ParseState(State), Verdict, Message, RequestedBy, Time.FromDb(StartedAt), Time.FromDb(EndedAt), Result, Node);
    }
}
