namespace Qdms.Core.Files;

/// <summary>Filters of a file listing; <see cref="Group"/> matches the provision group or the update group.</summary>
public sealed record FileQuery(FileType? Type, string? Group);
