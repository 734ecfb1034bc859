using Dapper;
using Qdms.Core.Scenarios;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

internal sealed class SqlScenarioScheduleStore(QdmsDb db) : IScenarioScheduleStore
{
    private const string Columns =
        "id AS Id, tenant_id AS TenantId, scenario_id AS ScenarioId, device_id AS DeviceId, device_group AS DeviceGroup, interval_seconds AS IntervalSeconds, " +
        "next_run_at AS NextRunAt, created_at AS CreatedAt, created_by AS CreatedBy";

    public async Task<ScenarioSchedule> CreateAsync(ScenarioSchedule s, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO scenario_schedules (tenant_id, scenario_id, device_id, device_group, interval_seconds, next_run_at, created_at, created_by)
            VALUES (@TenantId, @ScenarioId, @DeviceId, @DeviceGroup, @IntervalSeconds, @nextRunAt, @createdAt, @CreatedBy)
            RETURNING id
            """,
            new { s.TenantId, s.ScenarioId, s.DeviceId, s.DeviceGroup, s.IntervalSeconds, nextRunAt = Time.ToDb(s.NextRunAt), createdAt = Time.ToDb(s.CreatedAt), s.CreatedBy });
        return s with { Id = id, NextRunAt = Time.FromDb(Time.ToDb(s.NextRunAt)), CreatedAt = Time.FromDb(Time.ToDb(s.CreatedAt)) };
    }

    public async Task<IReadOnlyList<ScenarioSchedule>> ListAsync(TenantScope scope, long scenarioId, CancellationToken ct)
    {
        var p = new DynamicParameters(new { scenarioId });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Row>($"SELECT {Columns} FROM scenario_schedules WHERE scenario_id = @scenarioId{where} ORDER BY id", p)).Select(r => r.ToSchedule()).ToList();
    }

    public async Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct)
    {
        var p = new DynamicParameters(new { id });
        var where = TenantFilter.Sql(scope, p);
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync($"DELETE FROM scenario_schedules WHERE id = @id{where}", p) > 0;
    }

    public async Task<IReadOnlyList<ScenarioSchedule>> DueAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<Row>($"SELECT {Columns} FROM scenario_schedules WHERE next_run_at <= @now ORDER BY next_run_at LIMIT @limit",
            new { now = Time.ToDb(now), limit })).Select(r => r.ToSchedule()).ToList();
    }

    public async Task<bool> ClaimAsync(long id, DateTimeOffset expected, DateTimeOffset next, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync("UPDATE scenario_schedules SET next_run_at = @next WHERE id = @id AND next_run_at = @expected",
            new { id, expected = Time.ToDb(expected), next = Time.ToDb(next) }) > 0;
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long TenantId { get; set; }
        public long ScenarioId { get; set; }
        public long? DeviceId { get; set; }
        public string? DeviceGroup { get; set; }
        public int IntervalSeconds { get; set; }
        public long NextRunAt { get; set; }
        public long CreatedAt { get; set; }
        public string CreatedBy { get; set; } = "";

        public ScenarioSchedule ToSchedule() =>
            new(Id, TenantId, ScenarioId, DeviceId, DeviceGroup, IntervalSeconds, Time.FromDb(NextRunAt), Time.FromDb(CreatedAt), CreatedBy);
    }
}
