namespace Qdms.Storage.Migrations;

/// <summary>
/// Bulk task jobs: one row per job (the caller's tenant, or none for a sysop's job over all tenants) and on every task the job
/// that queued it, indexed so that a job's progress is one range count.
/// </summary>
internal static class M0012BulkTasks
{
    public static Migration Migration { get; } = new(12, "bulk-tasks", """
        CREATE TABLE bulk_task_jobs (
            id {ID},
            tenant_id BIGINT NULL REFERENCES tenants(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            arguments TEXT NULL,
            selection TEXT NOT NULL,
            matched BIGINT NOT NULL,
            queued BIGINT NOT NULL,
            state INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            finished_at BIGINT NULL
        );
        CREATE INDEX ix_bulk_task_jobs_tenant ON bulk_task_jobs(tenant_id, id);

        ALTER TABLE device_tasks ADD COLUMN bulk_id BIGINT NULL;
        CREATE INDEX ix_device_tasks_bulk ON device_tasks(bulk_id, status);
        """);
}
