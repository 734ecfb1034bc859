namespace Qdms.Storage.Migrations;

/// <summary>
/// Device events (traps, TR-069 event codes, scenario verdicts) and measurements (batches of KPI samples).
/// Both are append-mostly and pruned by age, so both carry an index that starts with their time.
/// </summary>
internal static class M0006EventsMeasurements
{
    public static Migration Migration { get; } = new(6, "events-measurements", """
        CREATE TABLE device_events (
            id {ID},
            tenant_id BIGINT NULL REFERENCES tenants(id),
            device_id BIGINT NULL REFERENCES devices(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            type TEXT NOT NULL,
            severity INTEGER NOT NULL,
            at BIGINT NOT NULL,
            message TEXT NOT NULL,
            origin TEXT NULL,
            data TEXT NULL
        );
        CREATE INDEX ix_device_events_tenant_at ON device_events(tenant_id, at);
        CREATE INDEX ix_device_events_device_at ON device_events(device_id, at);
        CREATE INDEX ix_device_events_at ON device_events(at);

        CREATE TABLE measurements (
            id {ID},
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            device_id BIGINT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            metric TEXT NOT NULL,
            at BIGINT NOT NULL,
            minimum DOUBLE PRECISION NULL,
            maximum DOUBLE PRECISION NULL,
            mean DOUBLE PRECISION NULL,
            median DOUBLE PRECISION NULL,
            current DOUBLE PRECISION NULL,
            count INTEGER NOT NULL,
            loss_percent DOUBLE PRECISION NULL,
            jitter DOUBLE PRECISION NULL,
            p95 DOUBLE PRECISION NULL,
            failed {BOOL} NOT NULL
        );
        CREATE INDEX ix_measurements_device_at ON measurements(device_id, at);
        CREATE INDEX ix_measurements_metric_at ON measurements(metric, at);
        CREATE INDEX ix_measurements_at ON measurements(at);
        """);
}
