namespace Qdms.Core.Devices;

/// <summary>The fields of a device that is about to be created (pre-provisioned, imported or seeded). Validated before it reaches a store.</summary>
public sealed record DeviceDraft(
    string Name,
    IReadOnlyList<DeviceIdentity> Identities,
    string? Manufacturer = null,
    string? Model = null,
    string? Serial = null,
    string? FirmwareVersion = null,
    string? Address = null,
    IReadOnlyList<string>? Tags = null,
    string? ProvisionGroup = null,
    string? UpdateGroup = null);
