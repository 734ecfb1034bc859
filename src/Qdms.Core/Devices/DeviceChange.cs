namespace Qdms.Core.Devices;

/// <summary>
/// An operator's edit of a device. Null leaves a field as it is; an empty string clears an optional one
/// (groups, address); an empty tag list removes every tag.
/// </summary>
public sealed record DeviceChange(
    string? Name = null,
    IReadOnlyList<string>? Tags = null,
    string? ProvisionGroup = null,
    string? UpdateGroup = null,
    string? Address = null);
