using Qdms.Protocols.Snmp.Ber;

namespace Qdms.Protocols.Snmp.Messages;

/// <summary>
/// The scoped PDU of an SNMPv3 message (RFC 3412 §6.8):
/// <code>
///  ScopedPDU ::= SEQUENCE { contextEngineID OCTET STRING, contextName OCTET STRING, data ANY -- a PDU }
/// </code>
/// </summary>
public sealed record ScopedPdu(ReadOnlyMemory<byte> ContextEngineId, ReadOnlyMemory<byte> ContextName, SnmpPdu Pdu)
{
    /// <summary>The context name as text.</summary>
    public string ContextNameText => System.Text.Encoding.UTF8.GetString(ContextName.Span);

    /// <summary>
    /// Reads a ScopedPDU from the start of <paramref name="reader"/>. After decryption the plaintext may carry
    /// padding (DES pads to 8 octets, RFC 3414 §8.1.1.2), so trailing octets are allowed when <paramref name="allowTrailing"/>.
    /// </summary>
    internal static bool TryRead(ref BerReader reader, bool allowTrailing, out ScopedPdu scoped)
    {
        scoped = null!;
        if (!reader.TryReadConstructed(BerTag.Sequence, out var body) || (!allowTrailing && !reader.TryExpectEnd("the scoped PDU")))
            return false;
        if (!body.TryReadOctetString(BerTag.OctetString, out var engineId) || !body.TryReadOctetString(BerTag.OctetString, out var name))
        {
            reader.SetError(0, body.Error!);
            return false;
        }
        var at = body.Offset;
        if (!Messages.Pdu.TryRead(ref body, out var pdu) || !body.TryExpectEnd("the scoped PDU"))
        {
            reader.SetError(0, body.Error!);
            return false;
        }
        if (pdu is not SnmpPdu snmpPdu)
        {
            reader.SetError(at, "the SNMPv1 Trap-PDU is not allowed in an SNMPv3 message");
            return false;
        }
        if (engineId.Length > UsmSecurityParameters.MaxEngineIdLength)
        {
            reader.SetError(at, $"contextEngineID of {engineId.Length} octets is longer than {UsmSecurityParameters.MaxEngineIdLength}");
            return false;
        }
        scoped = new ScopedPdu(engineId.ToArray(), name.ToArray(), snmpPdu);
        return true;
    }

    internal void Write(BerWriter writer)
    {
        var sequence = writer.BeginConstructed(BerTag.Sequence);
        writer.WritePrimitive(BerTag.OctetString, ContextEngineId.Span);
        writer.WritePrimitive(BerTag.OctetString, ContextName.Span);
        Pdu.Write(writer);
        writer.EndConstructed(sequence);
    }

    /// <summary>The BER encoding on its own (the plaintext that privacy encrypts).</summary>
    public byte[] ToArray()
    {
        var writer = new BerWriter();
        Write(writer);
        return writer.Written.ToArray();
    }

    /// <summary>Equality by content.</summary>
    public bool Equals(ScopedPdu? other) =>
        other is not null && ContextEngineId.Span.SequenceEqual(other.ContextEngineId.Span) && ContextName.Span.SequenceEqual(other.ContextName.Span) &&
        Pdu.Equals(other.Pdu);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ContextEngineId.Length, ContextName.Length, Pdu);
}
