namespace Qdms.Engines.Tr069;

/// <summary>What a session needs of its device: its id and its tenant.</summary>
internal sealed record KnownDevice(long Id, long TenantId);
