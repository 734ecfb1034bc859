namespace Qdms.Storage.Migrations;

/// <summary>
/// The QoS evaluator's own tables: the devices it measures (presence, last activity for <c>inactive.device.max.age</c>),
/// their Arrowhead system names, and its log for <c>general/mgmt/logs</c>. Measurements themselves live in the shared
/// <c>measurements</c> table.
/// </summary>
internal static class M0008Qos
{
    public static Migration Migration { get; } = new(8, "qos", """
        CREATE TABLE qos_devices (
            device_id BIGINT NOT NULL PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            address TEXT NOT NULL,
            augmented TEXT NOT NULL,
            present {BOOL} NOT NULL,
            last_active_at BIGINT NOT NULL
        );
        CREATE INDEX ix_qos_devices_present_active ON qos_devices(present, last_active_at);

        CREATE TABLE qos_systems (
            device_id BIGINT NOT NULL REFERENCES qos_devices(device_id) ON DELETE CASCADE,
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            name TEXT NOT NULL,
            PRIMARY KEY (device_id, name)
        );
        CREATE INDEX ix_qos_systems_tenant_name ON qos_systems(tenant_id, name);

        CREATE TABLE qos_logs (
            id {ID},
            at BIGINT NOT NULL,
            level INTEGER NOT NULL,
            logger TEXT NOT NULL,
            message TEXT NOT NULL,
            exception TEXT NULL
        );
        CREATE INDEX ix_qos_logs_at ON qos_logs(at);
        """);
}
