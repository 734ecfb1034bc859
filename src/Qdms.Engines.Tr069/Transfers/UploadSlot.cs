namespace Qdms.Engines.Tr069.Transfers;

/// <summary>
/// What an upload token lets its holder do: put one file for one task of one device. <paramref name="FileType"/> is the
/// Upload RPC's FileType; <paramref name="Name"/> the name the stored file gets.
/// </summary>
internal sealed record UploadSlot(long TaskId, long DeviceId, long TenantId, string DeviceKey, string FileType, string Name, DateTimeOffset ExpiresAt);
