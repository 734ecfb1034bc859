using Qdms.Protocols.Snmp.Ber;

namespace Qdms.Protocols.Snmp.Messages;

/// <summary>
/// The User-based Security Model's msgSecurityParameters (RFC 3414 §2.4), carried BER-encoded inside an OCTET STRING:
/// <code>
///  UsmSecurityParameters ::= SEQUENCE {
///      msgAuthoritativeEngineID     OCTET STRING,
///      msgAuthoritativeEngineBoots  INTEGER (0..2147483647),
///      msgAuthoritativeEngineTime   INTEGER (0..2147483647),
///      msgUserName                  OCTET STRING (SIZE(0..32)),
///      msgAuthenticationParameters  OCTET STRING,   -- the truncated HMAC, zeros while it is computed
///      msgPrivacyParameters         OCTET STRING }  -- the salt
/// </code>
/// </summary>
public sealed record UsmSecurityParameters(ReadOnlyMemory<byte> EngineId, int EngineBoots, int EngineTime, ReadOnlyMemory<byte> UserName,
    ReadOnlyMemory<byte> AuthenticationParameters, ReadOnlyMemory<byte> PrivacyParameters)
{
    /// <summary>The longest user name (RFC 3414 §2.4).</summary>
    public const int MaxUserNameLength = 32;

    /// <summary>The longest engine id (RFC 3411 §5: 5 to 32 octets; 0 in discovery).</summary>
    public const int MaxEngineIdLength = 32;

    /// <summary>The user name as text.</summary>
    public string UserNameText => System.Text.Encoding.UTF8.GetString(UserName.Span);

    internal static bool TryRead(ReadOnlySpan<byte> content, int contentOffset, out UsmSecurityParameters parameters, out int authOffset, out string error)
    {
        parameters = null!;
        authOffset = 0;
        var outer = new BerReader(content, contentOffset);
        if (!outer.TryReadConstructed(BerTag.Sequence, out var body) || !outer.TryExpectEnd("msgSecurityParameters"))
        {
            error = outer.Error!;
            return false;
        }
        var at = body.Offset;
        if (!body.TryReadOctetString(BerTag.OctetString, out var engineId))
            return Fail(ref body, out error);
        if (engineId.Length > MaxEngineIdLength)
        {
            error = $"offset {at}: msgAuthoritativeEngineID of {engineId.Length} octets is longer than {MaxEngineIdLength}";
            return false;
        }
        at = body.Offset;
        if (!body.TryReadInt32(BerTag.Integer, out var boots) || !body.TryReadInt32(BerTag.Integer, out var time))
            return Fail(ref body, out error);
        if (boots < 0 || time < 0)
        {
            error = $"offset {at}: msgAuthoritativeEngineBoots/Time must not be negative";
            return false;
        }
        at = body.Offset;
        if (!body.TryReadOctetString(BerTag.OctetString, out var userName))
            return Fail(ref body, out error);
        if (userName.Length > MaxUserNameLength)
        {
            error = $"offset {at}: msgUserName of {userName.Length} octets is longer than {MaxUserNameLength}";
            return false;
        }
        if (!body.TryReadElement(BerTag.OctetString, out var auth, out authOffset) ||
            !body.TryReadOctetString(BerTag.OctetString, out var priv) ||
            !body.TryExpectEnd("UsmSecurityParameters"))
            return Fail(ref body, out error);
        parameters = new UsmSecurityParameters(engineId.ToArray(), boots, time, userName.ToArray(), auth.ToArray(), priv.ToArray());
        error = "";
        return true;
    }

    private static bool Fail(ref BerReader reader, out string error)
    {
        error = reader.Error!;
        return false;
    }

    internal void Write(BerWriter writer)
    {
        var sequence = writer.BeginConstructed(BerTag.Sequence);
        writer.WritePrimitive(BerTag.OctetString, EngineId.Span);
        writer.WriteInteger(BerTag.Integer, EngineBoots);
        writer.WriteInteger(BerTag.Integer, EngineTime);
        writer.WritePrimitive(BerTag.OctetString, UserName.Span);
        writer.WritePrimitive(BerTag.OctetString, AuthenticationParameters.Span);
        writer.WritePrimitive(BerTag.OctetString, PrivacyParameters.Span);
        writer.EndConstructed(sequence);
    }

    /// <summary>Equality by content.</summary>
    public bool Equals(UsmSecurityParameters? other) =>
        other is not null && EngineId.Span.SequenceEqual(other.EngineId.Span) && EngineBoots == other.EngineBoots && EngineTime == other.EngineTime &&
        UserName.Span.SequenceEqual(other.UserName.Span) && AuthenticationParameters.Span.SequenceEqual(other.AuthenticationParameters.Span) &&
        PrivacyParameters.Span.SequenceEqual(other.PrivacyParameters.Span);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EngineId.Length, EngineBoots, EngineTime, UserName.Length);
}
