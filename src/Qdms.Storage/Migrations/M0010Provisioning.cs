namespace Qdms.Storage.Migrations;

/// <summary>
/// Provisioning rules (events, conditions and actions as a JSON definition; names unique per tenant; a revision raised by
/// every edit) and the revision of each rule last applied to each device (gone with the device; deleted with the rule).
/// </summary>
internal static class M0010Provisioning
{
    public static Migration Migration { get; } = new(10, "provisioning", """
        CREATE TABLE provisioning_rules (
            id {ID},
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            name TEXT NOT NULL,
            description TEXT NULL,
            enabled {BOOL} NOT NULL,
            priority INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            definition TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            updated_by TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_provisioning_rules_name ON provisioning_rules(tenant_id, name);

        CREATE TABLE provisioning_applied (
            rule_id BIGINT NOT NULL,
            device_id BIGINT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            applied_at BIGINT NOT NULL,
            PRIMARY KEY (device_id, rule_id)
        );
        CREATE INDEX ix_provisioning_applied_rule ON provisioning_applied(rule_id);
        """);
}
