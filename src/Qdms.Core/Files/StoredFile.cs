namespace Qdms.Core.Files;

/// <summary>
/// A file in the repository (IF-03): firmware, software or configuration for the devices of a provision group or an
/// update group. <see cref="ContentKey"/> names its bytes in the content store; <see cref="Crc32"/> was checked on upload.
/// </summary>
public sealed record StoredFile(
    long Id,
    long TenantId,
    FileType Type,
    string ProvisionGroup,
    string UpdateGroup,
    string Name,
    string Version,
    uint Crc32,
    string Sha256,
    long Size,
    string ContentKey,
    DateTimeOffset CreatedAt,
    string CreatedBy);
