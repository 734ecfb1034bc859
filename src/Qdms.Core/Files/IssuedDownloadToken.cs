namespace Qdms.Core.Files;

/// <summary>A new download token: the secret (shown once), its record, the file and the path devices fetch it under.</summary>
public sealed record IssuedDownloadToken(string Secret, DownloadToken Token, StoredFile File, string DevicePath);
