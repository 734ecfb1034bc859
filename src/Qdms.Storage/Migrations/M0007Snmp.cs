namespace Qdms.Storage.Migrations;

/// <summary>
/// SNMP devices (settings with sealed secrets, one row per device, gone with the device), tenants' own polling profiles
/// (objects as a JSON definition) and profile assignments to a device or to a tag. Traps are matched to devices by host or engine id.
/// </summary>
internal static class M0007Snmp
{
    public static Migration Migration { get; } = new(7, "snmp", """
        CREATE TABLE snmp_devices (
            device_id BIGINT NOT NULL PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            host TEXT NOT NULL,
            port INTEGER NOT NULL,
            version INTEGER NOT NULL,
            community TEXT NULL,
            user_name TEXT NULL,
            auth_protocol TEXT NOT NULL,
            auth_password TEXT NULL,
            priv_protocol TEXT NOT NULL,
            priv_password TEXT NULL,
            context_name TEXT NULL,
            engine_id TEXT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        );
        CREATE INDEX ix_snmp_devices_host ON snmp_devices(host);
        CREATE INDEX ix_snmp_devices_engine_id ON snmp_devices(engine_id);
        CREATE INDEX ix_snmp_devices_tenant ON snmp_devices(tenant_id);

        CREATE TABLE snmp_profiles (
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            name TEXT NOT NULL,
            description TEXT NULL,
            interval_seconds INTEGER NOT NULL,
            definition TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (tenant_id, name)
        );

        CREATE TABLE snmp_assignments (
            id {ID},
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            profile TEXT NOT NULL,
            device_id BIGINT NULL REFERENCES devices(id) ON DELETE CASCADE,
            tag TEXT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE UNIQUE INDEX ux_snmp_assignments_device ON snmp_assignments(tenant_id, profile, device_id) WHERE device_id IS NOT NULL;
        CREATE UNIQUE INDEX ux_snmp_assignments_tag ON snmp_assignments(tenant_id, profile, tag) WHERE tag IS NOT NULL;
        CREATE INDEX ix_snmp_assignments_device ON snmp_assignments(device_id);
        """);
}
