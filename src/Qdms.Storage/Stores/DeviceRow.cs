using Qdms.Core.Devices;

namespace Qdms.Storage.Stores;

/// <summary>A <c>devices</c> row as Dapper reads it.</summary>
internal sealed class DeviceRow
{
    public const string Columns =
        "d.id AS Id, d.tenant_id AS TenantId, d.name AS Name, d.manufacturer AS Manufacturer, d.model AS Model, d.serial AS Serial, " +
        "d.firmware_version AS FirmwareVersion, d.address AS Address, d.last_contact_at AS LastContactAt, d.status AS Status, d.tags AS Tags, " +
        "d.provision_group AS ProvisionGroup, d.update_group AS UpdateGroup, d.credentials_username AS CredentialsUsername, " +
        "d.created_at AS CreatedAt, d.updated_at AS UpdatedAt";

    public long Id { get; set; }
    public long TenantId { get; set; }
    public string Name { get; set; } = "";
    public string? Manufacturer { get; set; }
    public string? Model { get; set; }
    public string? Serial { get; set; }
    public string? FirmwareVersion { get; set; }
    public string? Address { get; set; }
    public long? LastContactAt { get; set; }
    public long Status { get; set; }
    public string Tags { get; set; } = "";
    public string? ProvisionGroup { get; set; }
    public string? UpdateGroup { get; set; }
    public string? CredentialsUsername { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public static string JoinTags(IEnumerable<string> tags) => string.Join(';', tags);

    public Device ToDevice(IReadOnlyList<DeviceIdentity> identities) => new(
        Id, TenantId, Name, Manufacturer, Model, Serial, FirmwareVersion, Address, Time.FromDb(LastContactAt), (DeviceStatus)Status,
        Tags.Length == 0 ? [] : Tags.Split(';'), ProvisionGroup, UpdateGroup, CredentialsUsername, Time.FromDb(CreatedAt), Time.FromDb(UpdatedAt),
        identities);
}
