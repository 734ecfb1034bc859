namespace Qdms.Storage.Migrations;

/// <summary>
/// The device inventory: devices, identities (unique system-wide), tags, search terms, parameters and tasks.
/// Filters of the device list each have an index; search is a prefix range over <c>device_search_terms</c>, whose terms are
/// lowercased UTF-8 bytes so that SQLite and PostgreSQL (whatever its collation) compare them byte by byte.
/// </summary>
internal static class M0002Devices
{
    public static Migration Migration { get; } = new(2, "devices", """
        CREATE TABLE devices (
            id {ID},
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            name TEXT NOT NULL,
            manufacturer TEXT NULL,
            model TEXT NULL,
            serial TEXT NULL,
            firmware_version TEXT NULL,
            address TEXT NULL,
            last_contact_at BIGINT NULL,
            status INTEGER NOT NULL,
            tags TEXT NOT NULL,
            provision_group TEXT NULL,
            update_group TEXT NULL,
            credentials_username TEXT NULL UNIQUE,
            credentials_hash TEXT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        );
        CREATE INDEX ix_devices_tenant_status ON devices(tenant_id, status);
        CREATE INDEX ix_devices_provision_group ON devices(provision_group);
        CREATE INDEX ix_devices_update_group ON devices(update_group);

        CREATE TABLE device_identities (
            protocol TEXT NOT NULL,
            identity_key TEXT NOT NULL,
            device_id BIGINT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            PRIMARY KEY (protocol, identity_key)
        );
        CREATE INDEX ix_device_identities_device ON device_identities(device_id);
        CREATE INDEX ix_device_identities_protocol_device ON device_identities(protocol, device_id);

        CREATE TABLE device_tags (
            tag TEXT NOT NULL,
            device_id BIGINT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            PRIMARY KEY (tag, device_id)
        );
        CREATE INDEX ix_device_tags_device ON device_tags(device_id);

        CREATE TABLE device_search_terms (
            term {BLOB} NOT NULL,
            device_id BIGINT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            PRIMARY KEY (term, device_id)
        );
        CREATE INDEX ix_device_search_terms_device ON device_search_terms(device_id);

        CREATE TABLE device_parameters (
            device_id BIGINT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            value TEXT NULL,
            type TEXT NOT NULL,
            writable {BOOL} NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (device_id, path)
        );

        CREATE TABLE device_tasks (
            id {ID},
            device_id BIGINT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            kind TEXT NOT NULL,
            arguments TEXT NULL,
            status INTEGER NOT NULL,
            result TEXT NULL,
            fault_code TEXT NULL,
            fault_message TEXT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            expires_at BIGINT NULL,
            created_by TEXT NOT NULL
        );
        CREATE INDEX ix_device_tasks_device_status ON device_tasks(device_id, status, id);
        CREATE INDEX ix_device_tasks_status_expires ON device_tasks(status, expires_at);
        """);
}
