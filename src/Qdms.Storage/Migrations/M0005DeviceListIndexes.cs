namespace Qdms.Storage.Migrations;

/// <summary>
/// The device list in id order within a tenant. Without it SQLite reads a tenant's devices through
/// <c>ix_devices_tenant_status</c> and sorts them all before taking a page; with it an unfiltered page (and the export's
/// keyset walk <c>id &gt; @after</c>) is a short range scan of one index.
/// </summary>
internal static class M0005DeviceListIndexes
{
    public static Migration Migration { get; } = new(5, "device list indexes", """
        CREATE INDEX ix_devices_tenant_id ON devices(tenant_id, id);
        """);
}
