namespace Qdms.Qos.Window;

/// <summary>One measurement of a series, compacted for memory (32 bytes): time in Unix ms and the batch statistics.</summary>
internal readonly record struct WindowEntry(long AtMs, float Minimum, float Maximum, float Mean, float Median, float Current, bool Failed);
