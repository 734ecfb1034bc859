namespace Qdms.Storage.Migrations;

/// <summary>
/// The dashboard's summary without reading the devices table. <c>ix_devices_summary</c> holds every column the summary
/// counts, in the order it groups them: one tenant's status, model and firmware counts are one range of it, every tenant's
/// one walk of it, both read in index order (no sort, no hash) and without touching the rows. Identities get
/// (device_id, protocol), so one tenant's protocol counts follow its devices instead of reading every identity; it
/// replaces the (device_id) index, which it serves as well (lookups by device, ON DELETE CASCADE).
/// </summary>
internal static class M0013DeviceSummaryIndexes
{
    public static Migration Migration { get; } = new(13, "device summary indexes", """
        CREATE INDEX ix_devices_summary ON devices(tenant_id, status, model, firmware_version);
        CREATE INDEX ix_device_identities_device_protocol ON device_identities(device_id, protocol);
        DROP INDEX ix_device_identities_device;
        """);
}
