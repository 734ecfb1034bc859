namespace Qdms.Core.Devices;

/// <summary>A managed device of one tenant, with every identity it is known by.</summary>
/// <param name="Tags">Distinct tags in ordinal order.</param>
/// <param name="ProvisionGroup">The seed's provision group: which configuration set the device gets.</param>
/// <param name="UpdateGroup">The seed's update group: which firmware rollouts the device takes part in.</param>
/// <param name="CredentialsUsername">The user name the device signs in with over HTTP Basic, when it has credentials; the hash never leaves storage.</param>
public sealed record Device(
    long Id,
    long TenantId,
    string Name,
    string? Manufacturer,
    string? Model,
    string? Serial,
    string? FirmwareVersion,
    string? Address,
    DateTimeOffset? LastContactAt,
    DeviceStatus Status,
    IReadOnlyList<string> Tags,
    string? ProvisionGroup,
    string? UpdateGroup,
    string? CredentialsUsername,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<DeviceIdentity> Identities);
