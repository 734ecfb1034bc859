namespace Qdms.Storage.Migrations;

/// <summary>
/// DM engine instances (IF-01). <c>idx</c> is the per-type index from 1, unique per type and never renumbered;
/// states are stored as lower-case words so the table reads well in psql.
/// </summary>
internal static class M0003Engines
{
    public static Migration Migration { get; } = new(3, "engines", """
        CREATE TABLE engine_instances (
            id {ID},
            type TEXT NOT NULL,
            alias TEXT NOT NULL,
            idx INTEGER NOT NULL,
            config TEXT NOT NULL,
            desired_state TEXT NOT NULL,
            actual_state TEXT NOT NULL,
            node TEXT NULL,
            last_error TEXT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            CONSTRAINT ux_engine_instances_type_alias UNIQUE (type, alias),
            CONSTRAINT ux_engine_instances_type_idx UNIQUE (type, idx)
        );
        """);
}
