namespace Qdms.Core.Files;

/// <summary>How many files a scope holds and their total size.</summary>
public readonly record struct FileStats(long Count, long Bytes);
