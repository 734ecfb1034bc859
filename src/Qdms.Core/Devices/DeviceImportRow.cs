namespace Qdms.Core.Devices;

/// <summary>One parsed CSV row of an import; <see cref="Line"/> is its 1-based line in the file, for error messages.</summary>
public sealed record DeviceImportRow(int Line, DeviceDraft Draft);
