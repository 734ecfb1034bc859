namespace Qdms.Qos.Scheduling;

/// <summary>A recurring measurement job: <paramref name="Key"/> identifies it across target re-syncs (<c>rtt:42</c>).</summary>
public sealed record QosJob(string Key, TimeSpan Interval, Func<CancellationToken, Task> Run);
