namespace Qdms.Engines.Tr069.Auth;

/// <summary>The device an admitted Inform opens its session for.</summary>
internal sealed record AdmittedDevice(long Id, long TenantId);
