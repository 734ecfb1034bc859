namespace Qdms.Storage.Migrations;

/// <summary>Tenants, users, tokens and the audit log.</summary>
internal static class M0001Base
{
    public static Migration Migration { get; } = new(1, "base", """
        CREATE TABLE tenants (
            id {ID},
            name TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );

        CREATE TABLE users (
            id {ID},
            username TEXT NOT NULL UNIQUE,
            role INTEGER NOT NULL,
            tenant_id BIGINT NULL REFERENCES tenants(id),
            password_hash TEXT NOT NULL,
            disabled {BOOL} NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX ix_users_tenant ON users(tenant_id);

        CREATE TABLE api_tokens (
            id {ID},
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            kind INTEGER NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NULL,
            last_used_at BIGINT NULL
        );
        CREATE INDEX ix_api_tokens_user ON api_tokens(user_id);
        CREATE INDEX ix_api_tokens_expires ON api_tokens(expires_at);

        CREATE TABLE audit_log (
            id {ID},
            at BIGINT NOT NULL,
            user_id BIGINT NULL,
            username TEXT NOT NULL,
            tenant_id BIGINT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            details TEXT NULL
        );
        CREATE INDEX ix_audit_log_tenant_at ON audit_log(tenant_id, at);
        CREATE INDEX ix_audit_log_at ON audit_log(at);
        """);
}
