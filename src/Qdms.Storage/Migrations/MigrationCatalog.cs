namespace Qdms.Storage.Migrations;

/// <summary>
/// Every migration in order. Versions are fixed forever once released: add new ones at the end.
/// Each feature owns its file (M0002Devices.cs …) so features do not edit each other's schema.
/// </summary>
public static class MigrationCatalog
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        M0001Base.Migration,
        M0002Devices.Migration,
        M0003Engines.Migration,
        M0004Files.Migration,
        M0005DeviceListIndexes.Migration,
        M0006EventsMeasurements.Migration,
        M0007Snmp.Migration,
        M0008Qos.Migration,
        M0009Scenarios.Migration,
        M0010Provisioning.Migration,
        M0011Tr069Auth.Migration,
        M0012BulkTasks.Migration,
        M0013DeviceSummaryIndexes.Migration,
    ];
}
