using Qdms.Protocols.Snmp.Ber;

namespace Qdms.Protocols.Snmp.Messages;

/// <summary>
/// An SNMPv3 message (RFC 3412 §6) with the User-based Security Model (msgSecurityModel 3, RFC 3414):
/// <code>
///  SNMPv3Message ::= SEQUENCE {
///      msgVersion            INTEGER (3),
///      msgGlobalData         HeaderData,
///      msgSecurityParameters OCTET STRING,        -- BER of UsmSecurityParameters
///      msgData               ScopedPduData }
///  HeaderData ::= SEQUENCE {
///      msgID            INTEGER (0..2147483647),
///      msgMaxSize       INTEGER (484..2147483647),
///      msgFlags         OCTET STRING (SIZE(1)),  -- auth 1, priv 2, reportable 4
///      msgSecurityModel INTEGER (1..2147483647) }
///  ScopedPduData ::= CHOICE { plaintext ScopedPDU, encryptedPDU OCTET STRING }
/// </code>
/// Exactly one of <paramref name="ScopedPdu"/> (plaintext) and <paramref name="EncryptedPdu"/> (privFlag set) is present.
/// </summary>
public sealed record SnmpV3Message(int MessageId, int MaxSize, SnmpV3Flags Flags, UsmSecurityParameters Security,
    ScopedPdu? ScopedPdu, ReadOnlyMemory<byte> EncryptedPdu)
{
    /// <summary>msgSecurityModel of USM.</summary>
    public const int UsmSecurityModel = 3;

    /// <summary>The smallest msgMaxSize allowed (RFC 3412 §6.2).</summary>
    public const int MinMaxSize = 484;

    /// <summary>Decodes one datagram; on failure <paramref name="error"/> names the offset and what was wrong. Never throws.</summary>
    public static bool TryRead(ReadOnlySpan<byte> datagram, out SnmpV3Message message, out string error) =>
        TryRead(datagram, out message, out _, out error);

    /// <summary>As <see cref="TryRead(ReadOnlySpan{byte}, out SnmpV3Message, out string)"/>, also giving where msgAuthenticationParameters' content starts.</summary>
    internal static bool TryRead(ReadOnlySpan<byte> datagram, out SnmpV3Message message, out int authOffset, out string error)
    {
        message = null!;
        authOffset = 0;
        var reader = new BerReader(datagram);
        if (!reader.TryReadConstructed(BerTag.Sequence, out var body) || !reader.TryExpectEnd("the datagram"))
            return Fail(ref reader, out error);
        var at = body.Offset;
        if (!body.TryReadInt32(BerTag.Integer, out var version))
            return Fail(ref body, out error);
        if (version != 3)
        {
            error = $"offset {at}: version {version} is not SNMPv3 (3)";
            return false;
        }
        if (!body.TryReadConstructed(BerTag.Sequence, out var header))
            return Fail(ref body, out error);
        at = header.Offset;
        if (!header.TryReadInt32(BerTag.Integer, out var messageId) || !header.TryReadInt32(BerTag.Integer, out var maxSize))
            return Fail(ref header, out error);
        if (messageId < 0 || maxSize < MinMaxSize)
        {
            error = $"offset {at}: msgID {messageId} must not be negative and msgMaxSize {maxSize} must be at least {MinMaxSize}";
            return false;
        }
        at = header.Offset;
        if (!header.TryReadOctetString(BerTag.OctetString, out var flagOctets))
            return Fail(ref header, out error);
        if (flagOctets.Length != 1)
        {
            error = $"offset {at}: msgFlags must be one octet, not {flagOctets.Length}";
            return false;
        }
        var flags = (SnmpV3Flags)flagOctets[0];
        if ((flags & ~(SnmpV3Flags.Auth | SnmpV3Flags.Priv | SnmpV3Flags.Reportable)) != 0 ||
            (flags & (SnmpV3Flags.Auth | SnmpV3Flags.Priv)) == SnmpV3Flags.Priv)
        {
            error = $"offset {at}: msgFlags 0x{flagOctets[0]:X2} is invalid (unknown bits, or privacy without authentication)";
            return false;
        }
        at = header.Offset;
        if (!header.TryReadInt32(BerTag.Integer, out var model) || !header.TryExpectEnd("msgGlobalData"))
            return Fail(ref header, out error);
        if (model != UsmSecurityModel)
        {
            error = $"offset {at}: msgSecurityModel {model} is not USM (3)";
            return false;
        }
        if (!body.TryReadElement(BerTag.OctetString, out var securityOctets, out var securityOffset))
            return Fail(ref body, out error);
        if (!UsmSecurityParameters.TryRead(securityOctets, securityOffset, out var security, out authOffset, out error))
            return false;
        ScopedPdu? scoped = null;
        ReadOnlyMemory<byte> encrypted = default;
        if ((flags & SnmpV3Flags.Priv) != 0)
        {
            if (!body.TryReadOctetString(BerTag.OctetString, out var cipher))
                return Fail(ref body, out error);
            encrypted = cipher.ToArray();
        }
        else if (!Messages.ScopedPdu.TryRead(ref body, allowTrailing: false, out scoped))
        {
            return Fail(ref body, out error);
        }
        if (!body.TryExpectEnd("the message"))
            return Fail(ref body, out error);
        message = new SnmpV3Message(messageId, maxSize, flags, security, scoped, encrypted);
        error = "";
        return true;
    }

    private static bool Fail(ref BerReader reader, out string error)
    {
        error = reader.Error!;
        return false;
    }

    /// <summary>Encodes the message as it stands (authentication parameters included as given).</summary>
    public byte[] ToArray() => ToArray(out _);

    /// <summary>Encodes the message and gives where msgAuthenticationParameters' content starts, so a MAC can be written in place.</summary>
    internal byte[] ToArray(out int authOffset)
    {
        if ((ScopedPdu is null) == ((Flags & SnmpV3Flags.Priv) == 0))
            throw new InvalidOperationException("a v3 message carries a plaintext scoped PDU exactly when privFlag is clear");
        if (Security.UserName.Length > UsmSecurityParameters.MaxUserNameLength || Security.EngineId.Length > UsmSecurityParameters.MaxEngineIdLength)
            throw new InvalidOperationException($"msgUserName and msgAuthoritativeEngineID are at most {UsmSecurityParameters.MaxUserNameLength} octets");
        var security = new BerWriter();
        Security.Write(security);
        var writer = new BerWriter();
        var message = writer.BeginConstructed(BerTag.Sequence);
        writer.WriteInteger(BerTag.Integer, 3);
        var header = writer.BeginConstructed(BerTag.Sequence);
        writer.WriteInteger(BerTag.Integer, MessageId);
        writer.WriteInteger(BerTag.Integer, MaxSize);
        writer.WritePrimitive(BerTag.OctetString, [(byte)Flags]);
        writer.WriteInteger(BerTag.Integer, UsmSecurityModel);
        writer.EndConstructed(header);
        writer.WritePrimitive(BerTag.OctetString, security.Written);
        if (ScopedPdu is not null)
            ScopedPdu.Write(writer);
        else
            writer.WritePrimitive(BerTag.OctetString, EncryptedPdu.Span);
        writer.EndConstructed(message);
        var bytes = writer.Written.ToArray();
        authOffset = LocateAuthenticationParameters(bytes);
        return bytes;
    }

    // Walks only the headers: outer SEQUENCE, msgVersion, msgGlobalData, then msgSecurityParameters' fields.
    private static int LocateAuthenticationParameters(ReadOnlySpan<byte> encoded)
    {
        var reader = new BerReader(encoded);
        if (!reader.TryReadConstructed(BerTag.Sequence, out var body) || !body.TryReadInt32(BerTag.Integer, out _) ||
            !body.TryReadElement(BerTag.Sequence, out _, out _) || !body.TryReadElement(BerTag.OctetString, out var security, out var securityOffset) ||
            !UsmSecurityParameters.TryRead(security, securityOffset, out _, out var authOffset, out var error))
            throw new InvalidOperationException($"the encoded v3 message does not decode: {reader.Error ?? body.Error}");
        return authOffset;
    }

    /// <summary>Equality by content.</summary>
    public bool Equals(SnmpV3Message? other) =>
        other is not null && MessageId == other.MessageId && MaxSize == other.MaxSize && Flags == other.Flags && Security.Equals(other.Security) &&
        Equals(ScopedPdu, other.ScopedPdu) && EncryptedPdu.Span.SequenceEqual(other.EncryptedPdu.Span);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MessageId, Flags, Security);
}
