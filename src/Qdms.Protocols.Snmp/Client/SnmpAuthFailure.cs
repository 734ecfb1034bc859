namespace Qdms.Protocols.Snmp.Client;

/// <summary>Why an SNMPv3 exchange failed its security checks: the usmStats counter a Report-PDU named (RFC 3414 §3.2), or a local check.</summary>
public enum SnmpAuthFailure
{
    /// <summary>usmStatsUnknownUserNames: the agent has no such user.</summary>
    UnknownUserName,
    /// <summary>usmStatsWrongDigests, or a response whose MAC did not verify: the authentication password (or protocol) is wrong.</summary>
    WrongDigest,
    /// <summary>usmStatsUnknownEngineIDs after discovery: the agent keeps rejecting the engine id it announced.</summary>
    UnknownEngineId,
    /// <summary>usmStatsDecryptionErrors, or a response that did not decrypt: the privacy password (or protocol) is wrong.</summary>
    DecryptionError,
    /// <summary>usmStatsUnsupportedSecLevels: the user is not configured for this security level.</summary>
    UnsupportedSecurityLevel,
    /// <summary>usmStatsNotInTimeWindows even after re-synchronising the engine time.</summary>
    NotInTimeWindow,
}
