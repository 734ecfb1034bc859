namespace Qdms.Storage.Migrations;

/// <summary>
/// Scenarios (the scripted active tests: their text as written, a revision that rises with each edit, and what a saved-as
/// copy was derived from), their runs (results as JSON, the NDJSON event log), and schedules that start runs against a
/// device or a device group.
/// </summary>
internal static class M0009Scenarios
{
    public static Migration Migration { get; } = new(9, "scenarios", """
        CREATE TABLE scenarios (
            id {ID},
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            name TEXT NOT NULL,
            text TEXT NOT NULL,
            revision INTEGER NOT NULL,
            derived_from_id BIGINT NULL,
            derived_from_revision INTEGER NULL,
            created_at BIGINT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            updated_by TEXT NOT NULL,
            UNIQUE (tenant_id, name)
        );

        CREATE TABLE scenario_runs (
            id {ID},
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            scenario_id BIGINT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
            scenario_revision INTEGER NOT NULL,
            device_id BIGINT NULL REFERENCES devices(id) ON DELETE SET NULL,
            target TEXT NULL,
            state TEXT NOT NULL,
            verdict TEXT NULL,
            message TEXT NULL,
            requested_by TEXT NOT NULL,
            node TEXT NOT NULL,
            started_at BIGINT NOT NULL,
            ended_at BIGINT NULL,
            result TEXT NULL,
            log TEXT NULL
        );
        CREATE INDEX ix_scenario_runs_scenario ON scenario_runs(scenario_id, id);
        CREATE INDEX ix_scenario_runs_tenant ON scenario_runs(tenant_id, id);
        CREATE INDEX ix_scenario_runs_device ON scenario_runs(device_id, id);

        CREATE TABLE scenario_schedules (
            id {ID},
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            scenario_id BIGINT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
            device_id BIGINT NULL REFERENCES devices(id) ON DELETE CASCADE,
            device_group TEXT NULL,
            interval_seconds INTEGER NOT NULL,
            next_run_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            created_by TEXT NOT NULL
        );
        CREATE INDEX ix_scenario_schedules_next ON scenario_schedules(next_run_at);
        CREATE INDEX ix_scenario_schedules_scenario ON scenario_schedules(scenario_id);
        """);
}
