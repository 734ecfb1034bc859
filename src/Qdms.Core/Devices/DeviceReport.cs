namespace Qdms.Core.Devices;

/// <summary>
/// What an engine learned about a device in contact: each non-null field replaces the stored one. Recording a report also
/// sets the last contact time.
/// </summary>
public sealed record DeviceReport(
    string? Manufacturer = null,
    string? Model = null,
    string? Serial = null,
    string? FirmwareVersion = null,
    string? Address = null,
    DeviceStatus? Status = null);
