using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>How an <see cref="SnmpClient"/> talks to its agent.</summary>
public sealed record SnmpClientOptions
{
    /// <summary>v2c (default) or v1.</summary>
    public SnmpVersion Version { get; init; } = SnmpVersion.V2c;

    /// <summary>The community string.</summary>
    public string Community { get; init; } = "public";

    /// <summary>How long one attempt waits for the response.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a request is re-sent after the first attempt timed out.</summary>
    public int Retries { get; init; } = 1;

    /// <summary>The max-repetitions of the GETBULK requests a v2c walk sends.</summary>
    public int WalkMaxRepetitions { get; init; } = 20;

    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive");
        if (Retries < 0)
            throw new ArgumentOutOfRangeException(nameof(Retries), Retries, "Retries must be 0 or more");
        if (WalkMaxRepetitions < 1)
            throw new ArgumentOutOfRangeException(nameof(WalkMaxRepetitions), WalkMaxRepetitions, "WalkMaxRepetitions must be at least 1");
        if (!Enum.IsDefined(Version))
            throw new ArgumentOutOfRangeException(nameof(Version), Version, "only v1 and v2c are supported");
    }
}
