using System.Net;

namespace Qdms.Protocols.Snmp.Client;

/// <summary>An SNMPv3 request failed User-based Security Model checks (RFC 3414 §3.2); <see cref="Reason"/> says which.</summary>
public sealed class SnmpAuthenticationException(SnmpAuthFailure reason, EndPoint target, string userName)
    : SnmpException($"SNMPv3 {reason} from {target} for user '{userName}': {Advice(reason)}")
{
    /// <summary>Which check failed.</summary>
    public SnmpAuthFailure Reason { get; } = reason;

    /// <summary>The agent.</summary>
    public EndPoint Target { get; } = target;

    /// <summary>The USM user name sent.</summary>
    public string UserName { get; } = userName;

    private static string Advice(SnmpAuthFailure reason) => reason switch
    {
        SnmpAuthFailure.UnknownUserName => "the agent does not know this user name; check the user name and the agent's usmUser table (createUser)",
        SnmpAuthFailure.WrongDigest => "the message digest did not verify; check the authentication password and protocol (MD5/SHA…)",
        SnmpAuthFailure.UnknownEngineId => "the agent rejected its own discovered engine id; check for an address shared by several agents or a changed engine id",
        SnmpAuthFailure.DecryptionError => "the message did not decrypt; check the privacy password and protocol (DES/AES…)",
        SnmpAuthFailure.UnsupportedSecurityLevel => "the user is not configured for this security level; check which of auth and priv the agent's user has",
        SnmpAuthFailure.NotInTimeWindow => "the engine boots/time stayed outside the 150 s window after re-synchronising; check the agent's clock and engine boots",
        _ => "security check failed",
    };
}
