namespace Qdms.Bench.Load;

/// <summary>Collects request latencies (µs) from many workers; percentiles computed at the end.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _micros = new(1 << 16);
    private readonly Lock _lock = new();
    private long _errors;

    public long Errors => Interlocked.Read(ref _errors);

    public void Add(long micros)
    {
        lock (_lock)
        {
            _micros.Add(micros);
        }
    }

    public void Error() => Interlocked.Increment(ref _errors);

    public (int Count, double P50, double P90, double P99, double Max) Summary()
    {
        lock (_lock)
        {
            if (_micros.Count == 0)
            {
                return (0, 0, 0, 0, 0);
            }

            var sorted = _micros.Order().ToArray();
            double At(double q) => Percentile.Of(sorted, q) / 1000.0;
            return (sorted.Length, At(0.50), At(0.90), At(0.99), sorted[^1] / 1000.0);
        }
    }
}
