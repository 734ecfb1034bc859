namespace Qdms.Storage.Migrations;

/// <summary>
/// TR-069 CPE authentication: per device a mode override and the password sealed for Digest (with the fingerprint of the
/// credential hash it was set with), gone with the device; per tenant a mode, gone with the tenant.
/// </summary>
internal static class M0011Tr069Auth
{
    public static Migration Migration { get; } = new(11, "tr069-auth", """
        CREATE TABLE tr069_cpe_auth (
            device_id BIGINT NOT NULL PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,
            tenant_id BIGINT NOT NULL REFERENCES tenants(id),
            mode TEXT NULL,
            password_sealed TEXT NULL,
            hash_fingerprint TEXT NULL,
            updated_at BIGINT NOT NULL
        );
        CREATE INDEX ix_tr069_cpe_auth_tenant ON tr069_cpe_auth(tenant_id);

        CREATE TABLE tr069_tenant_auth (
            tenant_id BIGINT NOT NULL PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
            mode TEXT NOT NULL,
            updated_at BIGINT NOT NULL
        );
        """);
}
