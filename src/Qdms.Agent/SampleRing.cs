namespace Qdms.Agent;

/// <summary>
/// A fixed-size ring of the most recent samples of one series. Thread-safe: the sampler adds while requests read.
/// </summary>
internal sealed class SampleRing
{
    /// <summary>Samples kept per series: the 30-second window of the Arrowhead agent at one sample per second.</summary>
    public const int Capacity = 30;

    private readonly double[] _samples = new double[Capacity];
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    /// <summary>Samples currently held (at most <see cref="Capacity"/>).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Adds a sample, overwriting the oldest once the ring is full.</summary>
    public void Add(double value)
    {
        lock (_lock)
        {
            _samples[_next] = value;
            _next = (_next + 1) % Capacity;
            if (_count < Capacity)
            {
                _count++;
            }
        }
    }

    /// <summary>The newest <paramref name="count"/> samples (fewer if fewer are held), oldest first.</summary>
    public double[] Newest(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            var n = Math.Min(count, _count);
            var result = new double[n];
            var start = (_next - n + Capacity) % Capacity;
            for (var i = 0; i < n; i++)
            {
                result[i] = _samples[(start + i) % Capacity];
            }

            return result;
        }
    }
}
