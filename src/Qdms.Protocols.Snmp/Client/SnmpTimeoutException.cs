using System.Net;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>No answer arrived after every attempt. A v1/v2c agent stays silent on a wrong community (RFC 3584 §4.1), so that is one cause.</summary>
public sealed class SnmpTimeoutException(EndPoint target, int attempts, TimeSpan timeout, bool communityBased = true)
    : SnmpException($"no answer from {target} after {attempts} attempt(s) of {timeout.TotalMilliseconds:0} ms each: " +
        (communityBased ? "wrong community or agent down (or the datagrams were lost)" : "agent down, wrong address or port (or the datagrams were lost)"))
{
    /// <summary>The agent.</summary>
    public EndPoint Target { get; } = target;

    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; } = attempts;

    /// <summary>The per-attempt timeout.</summary>
    public TimeSpan Timeout { get; } = timeout;
}
