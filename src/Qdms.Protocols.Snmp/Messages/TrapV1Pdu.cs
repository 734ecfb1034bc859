using Qdms.Protocols.Snmp.Ber;

namespace Qdms.Protocols.Snmp.Messages;

/// <summary>
/// The SNMPv1 Trap-PDU (RFC 1157 §4.1.6):
/// <code>
///  Trap-PDU ::= [4] IMPLICIT SEQUENCE {
///      enterprise    OBJECT IDENTIFIER,
///      agent-addr    NetworkAddress,   -- IpAddress
///      generic-trap  INTEGER (0..6),
///      specific-trap INTEGER,
///      time-stamp    TimeTicks,
///      variable-bindings VarBindList }
/// </code>
/// </summary>
/// <param name="Enterprise">The sysObjectID of the sending entity.</param>
/// <param name="AgentAddress">The four-octet IPv4 address of the agent.</param>
/// <param name="Generic">The generic trap kind.</param>
/// <param name="Specific">The enterprise-specific code.</param>
/// <param name="TimeStamp">sysUpTime at the event, in hundredths of a second.</param>
/// <param name="TrapVarBinds">The variable bindings.</param>
public sealed record TrapV1Pdu(Oid Enterprise, ReadOnlyMemory<byte> AgentAddress, GenericTrap Generic, int Specific, uint TimeStamp,
    IReadOnlyList<VarBind> TrapVarBinds) : Pdu
{
    /// <inheritdoc />
    public override SnmpPduType Type => SnmpPduType.TrapV1;

    /// <inheritdoc />
    public override IReadOnlyList<VarBind> VarBinds => TrapVarBinds;

    internal override void Write(BerWriter writer)
    {
        if (AgentAddress.Length != 4)
            throw new InvalidOperationException($"agent-addr must be 4 octets, not {AgentAddress.Length}");
        var pdu = writer.BeginConstructed((byte)Type);
        writer.WriteOid(Enterprise);
        writer.WritePrimitive(BerTag.IpAddress, AgentAddress.Span);
        writer.WriteInteger(BerTag.Integer, (int)Generic);
        writer.WriteInteger(BerTag.Integer, Specific);
        writer.WriteUnsigned(BerTag.TimeTicks, TimeStamp);
        WriteVarBinds(writer, VarBinds);
        writer.EndConstructed(pdu);
    }

    internal static bool TryReadBody(ref BerReader body, out Pdu pdu)
    {
        pdu = null!;
        if (!body.TryReadOid(out var enterprise))
            return false;
        var at = body.Offset;
        if (!body.TryReadOctetString(BerTag.IpAddress, out var address))
            return false;
        if (address.Length != 4)
        {
            body.SetError(at, $"agent-addr must be 4 octets, not {address.Length}");
            return false;
        }
        var addressBytes = address.ToArray();
        at = body.Offset;
        if (!body.TryReadInt32(BerTag.Integer, out var generic))
            return false;
        if (generic is < 0 or > 6)
        {
            body.SetError(at, $"generic-trap {generic} is outside 0..6");
            return false;
        }
        if (!body.TryReadInt32(BerTag.Integer, out var specific) ||
            !body.TryReadUInt32(BerTag.TimeTicks, out var timeStamp) ||
            !TryReadVarBinds(ref body, out var varBinds) ||
            !body.TryExpectEnd("a Trap-PDU"))
            return false;
        pdu = new TrapV1Pdu(enterprise, addressBytes, (GenericTrap)generic, specific, timeStamp, varBinds);
        return true;
    }

    /// <summary>Equality by fields and varbinds in order.</summary>
    public bool Equals(TrapV1Pdu? other) =>
        other is not null && Enterprise == other.Enterprise && AgentAddress.Span.SequenceEqual(other.AgentAddress.Span) &&
        Generic == other.Generic && Specific == other.Specific && TimeStamp == other.TimeStamp && VarBinds.SequenceEqual(other.VarBinds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Enterprise, Generic, Specific, TimeStamp, VarBinds.Count);
}
