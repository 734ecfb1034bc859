namespace Qdms.Core.Devices;

/// <summary>What an import did: devices created and devices updated.</summary>
public sealed record DeviceImportResult(int Created, int Updated);
