namespace Qdms.Core.Files;

/// <summary>
/// A bearer secret (<c>qdl_…</c>) that lets whoever holds it fetch one file until it expires, so a device can download
/// without credentials of its own. Only the SHA-256 of the secret is stored.
/// </summary>
public sealed record DownloadToken(
    long Id,
    long TenantId,
    long FileId,
    string TokenHash,
    long? DeviceId,
    long? TaskId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
