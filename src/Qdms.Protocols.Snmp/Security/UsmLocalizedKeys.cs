namespace Qdms.Protocols.Snmp.Security;

/// <summary>A user's keys localized to one authoritative engine (null where the user's level does not use them).</summary>
internal sealed record UsmLocalizedKeys(UsmUser User, byte[]? AuthKey, byte[]? PrivKey)
{
    /// <summary>No user at all: the discovery probe (RFC 3414 §4) and reports to it.</summary>
    public static readonly UsmLocalizedKeys Anonymous = new(new UsmUser("-"), null, null);

    /// <summary>The user's keys for <paramref name="engineId"/> (cached, see <see cref="UsmKeys"/>).</summary>
    public static UsmLocalizedKeys For(UsmUser user, ReadOnlySpan<byte> engineId) => new(user,
        user.Auth == SnmpAuthProtocol.None ? null : UsmKeys.AuthKey(user, engineId),
        user.Priv == SnmpPrivProtocol.None ? null : UsmKeys.PrivKey(user, engineId));

    /// <summary>The msgFlags auth/priv bits for this user's level.</summary>
    public Messages.SnmpV3Flags LevelFlags => (AuthKey is null ? 0 : Messages.SnmpV3Flags.Auth) | (PrivKey is null ? 0 : Messages.SnmpV3Flags.Priv);
}
