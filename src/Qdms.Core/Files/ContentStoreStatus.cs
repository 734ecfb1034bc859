namespace Qdms.Core.Files;

/// <summary>A content store's health: <see cref="Error"/> says why it is not <see cref="Ok"/>.</summary>
public sealed record ContentStoreStatus(string Name, string Kind, bool Ok, string? Error, long? FreeBytes, long? TotalBytes);
