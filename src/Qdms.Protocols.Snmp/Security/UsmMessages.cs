using Qdms.Protocols.Snmp.Ber;
using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Security;

/// <summary>
/// The USM message processing both the manager and the notification receiver use: outgoing messages are
/// encrypted, then authenticated (RFC 3414 §3.1); incoming ones are authenticated, then decrypted (§3.2).
/// </summary>
internal static class UsmMessages
{
    /// <summary>The msgMaxSize we announce: the largest UDP payload.</summary>
    public const int MaxMessageSize = 65_507;

    /// <summary>Builds a v3 message for <paramref name="keys"/>'s level; <paramref name="userName"/> empty for discovery.</summary>
    public static byte[] Encode(int messageId, bool reportable, UsmLocalizedKeys keys, ReadOnlyMemory<byte> userName, ReadOnlyMemory<byte> engineId,
        int engineBoots, int engineTime, ScopedPdu scoped)
    {
        var user = keys.User;
        var flags = keys.LevelFlags | (reportable ? SnmpV3Flags.Reportable : 0);
        byte[] privacyParameters = [];
        ReadOnlyMemory<byte> encrypted = default;
        if (keys.PrivKey is not null)
        {
            privacyParameters = new byte[UsmPrivacy.SaltLength];
            encrypted = UsmPrivacy.Encrypt(user.Priv, keys.PrivKey, engineBoots, engineTime, scoped.ToArray(), privacyParameters);
        }
        var authenticationParameters = new byte[keys.AuthKey is null ? 0 : UsmAuthentication.MacLength(user.Auth)];
        var message = new SnmpV3Message(messageId, MaxMessageSize, flags,
            new UsmSecurityParameters(engineId, engineBoots, engineTime, userName, authenticationParameters, privacyParameters),
            keys.PrivKey is null ? scoped : null, encrypted);
        var bytes = message.ToArray(out var authOffset);
        if (keys.AuthKey is not null)
            UsmAuthentication.Sign(user.Auth, keys.AuthKey, bytes, authOffset);
        return bytes;
    }

    /// <summary>
    /// Authenticates and decrypts <paramref name="message"/> (read from <paramref name="datagram"/>) with <paramref name="keys"/>;
    /// returns the failure, or null with the scoped PDU. The message's level must not exceed what the keys allow.
    /// </summary>
    public static SnmpAuthFailure? TryOpen(ReadOnlySpan<byte> datagram, SnmpV3Message message, int authOffset, UsmLocalizedKeys keys,
        out ScopedPdu scoped)
    {
        scoped = null!;
        var level = message.Flags & (SnmpV3Flags.Auth | SnmpV3Flags.Priv);
        if ((level & ~keys.LevelFlags) != 0)
            return SnmpAuthFailure.UnsupportedSecurityLevel;
        if ((level & SnmpV3Flags.Auth) != 0 &&
            !UsmAuthentication.Verify(keys.User.Auth, keys.AuthKey, datagram, authOffset, message.Security.AuthenticationParameters.Length))
            return SnmpAuthFailure.WrongDigest;
        if ((level & SnmpV3Flags.Priv) == 0)
        {
            scoped = message.ScopedPdu!;
            return null;
        }
        if (!UsmPrivacy.TryDecrypt(keys.User.Priv, keys.PrivKey!, message.Security.EngineBoots, message.Security.EngineTime,
                message.Security.PrivacyParameters.Span, message.EncryptedPdu.Span, out var plaintext))
            return SnmpAuthFailure.DecryptionError;
        var reader = new BerReader(plaintext);
        return ScopedPdu.TryRead(ref reader, allowTrailing: true, out scoped) ? null : SnmpAuthFailure.DecryptionError;
    }

    /// <summary>usmStats (RFC 3414 §5): 1.3.6.1.6.3.15.1.1.N.0.</summary>
    public static readonly Oid UsmStats = new(1, 3, 6, 1, 6, 3, 15, 1, 1);

    /// <summary>The usmStats counter a Report-PDU names, as a failure; null when it names something else.</summary>
    public static SnmpAuthFailure? ReportReason(SnmpPdu report)
    {
        if (report.VarBinds.Count == 0 || !report.VarBinds[0].Oid.StartsWith(UsmStats) || report.VarBinds[0].Oid.Length != UsmStats.Length + 2)
            return null;
        return report.VarBinds[0].Oid.Arcs.Span[UsmStats.Length] switch
        {
            1 => SnmpAuthFailure.UnsupportedSecurityLevel,
            2 => SnmpAuthFailure.NotInTimeWindow,
            3 => SnmpAuthFailure.UnknownUserName,
            4 => SnmpAuthFailure.UnknownEngineId,
            5 => SnmpAuthFailure.WrongDigest,
            6 => SnmpAuthFailure.DecryptionError,
            _ => null,
        };
    }

    /// <summary>The usmStats counter OID for <paramref name="failure"/>.</summary>
    public static Oid ReportOid(SnmpAuthFailure failure) => UsmStats.Append(failure switch
    {
        SnmpAuthFailure.UnsupportedSecurityLevel => 1,
        SnmpAuthFailure.NotInTimeWindow => 2,
        SnmpAuthFailure.UnknownUserName => 3,
        SnmpAuthFailure.UnknownEngineId => 4,
        SnmpAuthFailure.WrongDigest => 5,
        _ => 6u,
    }, 0);
}
