namespace Qdms.Storage.Migrations;

/// <summary>The file repository (IF-03) and the download tokens that let devices fetch its files.</summary>
internal static class M0004Files
{
    public static Migration Migration { get; } = new(4, "files", """
        CREATE TABLE files (
            id {ID},
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            type TEXT NOT NULL,
            provision_group TEXT NOT NULL,
            update_group TEXT NOT NULL,
            name TEXT NOT NULL,
            version TEXT NOT NULL,
            crc32 BIGINT NOT NULL,
            sha256 TEXT NOT NULL,
            size BIGINT NOT NULL,
            content_key TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL,
            created_by TEXT NOT NULL,
            UNIQUE (tenant_id, type, name, version)
        );
        CREATE INDEX ix_files_tenant_created ON files(tenant_id, created_at);
        CREATE INDEX ix_files_tenant_update_group ON files(tenant_id, update_group);
        CREATE INDEX ix_files_tenant_provision_group ON files(tenant_id, provision_group);

        CREATE TABLE download_tokens (
            id {ID},
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            file_id BIGINT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
            token_hash TEXT NOT NULL UNIQUE,
            device_id BIGINT NULL,
            task_id BIGINT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL
        );
        CREATE INDEX ix_download_tokens_file ON download_tokens(file_id);
        CREATE INDEX ix_download_tokens_expires ON download_tokens(expires_at);
        """);
}
