using System.Net;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>
/// An agent and how to talk to it: a community for v1/v2c, a USM user for v3. Unset timeouts, retries and
/// max-repetitions fall back to the <see cref="SnmpManagerOptions"/> defaults.
/// </summary>
/// <param name="EndPoint">The agent's address and UDP port (usually 161).</param>
/// <param name="Version">v1, v2c or v3.</param>
/// <param name="Community">The community (v1/v2c).</param>
/// <param name="User">The USM user (v3).</param>
public sealed record SnmpTarget(IPEndPoint EndPoint, SnmpVersion Version, string? Community = null, UsmUser? User = null)
{
    /// <summary>How long one attempt waits; null for the manager's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How many times a request is re-sent after a timeout; null for the manager's default.</summary>
    public int? Retries { get; init; }

    /// <summary>The max-repetitions of the GETBULK requests a walk sends; null for the manager's default.</summary>
    public int? MaxRepetitions { get; init; }

    /// <summary>The v3 contextName (RFC 3411 §3.3.1); empty for the default context.</summary>
    public string ContextName { get; init; } = "";

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(EndPoint);
        switch (Version)
        {
            case SnmpVersion.V1 or SnmpVersion.V2c when Community is null:
                throw new ArgumentException($"a {Version} target needs a community", nameof(Community));
            case SnmpVersion.V3 when User is null:
                throw new ArgumentException("a v3 target needs a USM user", nameof(User));
            case SnmpVersion.V3:
                User!.Validate();
                break;
            case SnmpVersion.V1 or SnmpVersion.V2c:
                break;
            default:
                throw new ArgumentException($"unknown SNMP version {Version}", nameof(Version));
        }
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "Timeout must be positive");
        if (Retries is < 0)
            throw new ArgumentOutOfRangeException(nameof(Retries), Retries, "Retries must be 0 or more");
        if (MaxRepetitions is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxRepetitions), MaxRepetitions, "MaxRepetitions must be at least 1");
    }

    /// <summary>Address, version and user name only: the community and passwords never reach logs.</summary>
    public override string ToString() => $"SnmpTarget {{ {EndPoint} {Version}{(User is null ? "" : $" user {User.Name}")} }}";
}
