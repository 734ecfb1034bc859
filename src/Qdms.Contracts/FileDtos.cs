namespace Qdms.Contracts;

/// <summary>
/// A registered file. <see cref="Crc32"/> is <c>0x</c> and eight hex digits; <see cref="Sha256"/> lower-case hex;
/// <see cref="DownloadPath"/> the device-facing path (it needs a download token or device credentials).
/// </summary>
public sealed record FileDto(
    long Id,
    long TenantId,
    string Type,
    string ProvisionGroupId,
    string UpdateGroupId,
    string FileName,
    string Version,
    string Crc32,
    string Sha256,
    long Size,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string DownloadPath);

/// <summary>Fields of <c>POST /api/v1/files</c> besides the content (sent as multipart/form-data).</summary>
public sealed record RegisterFileRequest(string Type, string ProvisionGroupId, string UpdateGroupId, string FileName, string Version, string? Crc = null, long? TenantId = null);

/// <summary><c>POST /api/v1/files/{id}/download-tokens</c>; a missing lifetime takes the server's default.</summary>
public sealed record CreateDownloadTokenRequest(long? DeviceId = null, long? TaskId = null, long? ExpiresInSeconds = null);

/// <summary>A new download token: <see cref="Token"/> is shown once; <see cref="Url"/> is ready for a device.</summary>
public sealed record DownloadTokenDto(string Token, long FileId, long? DeviceId, long? TaskId, DateTimeOffset ExpiresAt, string Url);

/// <summary>One file server's state (IF-03-03): <see cref="Status"/> is "ok" or "error" with <see cref="Error"/> saying why.</summary>
public sealed record FileServerDto(string Name, string Kind, string Status, string? Error, long? FreeBytes, long? TotalBytes, long FileCount, long BytesStored);
