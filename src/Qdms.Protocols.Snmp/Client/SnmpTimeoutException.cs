using System.Net;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>No response arrived after every attempt (a v2c agent stays silent on a wrong community, RFC 3584 §4.1).</summary>
public sealed class SnmpTimeoutException(EndPoint target, int attempts, TimeSpan timeout)
    : SnmpException($"no SNMP response from {target} after {attempts} attempt(s) of {timeout.TotalMilliseconds:0} ms each (wrong community, agent down or packet loss)")
{
    /// <summary>The agent.</summary>
    public EndPoint Target { get; } = target;

    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; } = attempts;

    /// <summary>The per-attempt timeout.</summary>
    public TimeSpan Timeout { get; } = timeout;
}
