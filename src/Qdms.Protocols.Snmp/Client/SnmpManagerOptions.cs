using System.Net;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>How an <see cref="SnmpManager"/> binds its socket and the defaults its targets fall back to.</summary>
public sealed record SnmpManagerOptions
{
    /// <summary>The local address and port; null binds a dual-mode IPv6 socket on any address and a free port (IPv4 too).</summary>
    public IPEndPoint? LocalEndPoint { get; init; }

    /// <summary>How many requests may wait for an answer at once; further requests wait for a slot (backpressure).</summary>
    public int MaxRequestsInFlight { get; init; } = 10_000;

    /// <summary>How long one attempt waits for the answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a request is re-sent after the first attempt timed out.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>The max-repetitions of the GETBULK requests a walk sends.</summary>
    public int MaxRepetitions { get; init; } = 25;

    internal void Validate()
    {
        if (MaxRequestsInFlight < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxRequestsInFlight), MaxRequestsInFlight, "MaxRequestsInFlight must be at least 1");
        if (Timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive");
        if (Retries < 0)
            throw new ArgumentOutOfRangeException(nameof(Retries), Retries, "Retries must be 0 or more");
        if (MaxRepetitions < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxRepetitions), MaxRepetitions, "MaxRepetitions must be at least 1");
    }
}
