using Qdms.Protocols.Snmp.Ber;

namespace Qdms.Protocols.Snmp.Messages;

/// <summary>
/// Every PDU but the v1 trap (RFC 3416 §3):
/// <code>
///  PDU ::= [tag] IMPLICIT SEQUENCE {
///      request-id   INTEGER (-214783648..214783647),
///      error-status INTEGER,      -- non-repeaters in a GetBulkRequest-PDU
///      error-index  INTEGER,      -- max-repetitions in a GetBulkRequest-PDU
///      variable-bindings VarBindList }
/// </code>
/// </summary>
public sealed record SnmpPdu : Pdu
{
    /// <summary>Creates a PDU; <paramref name="type"/> must not be <see cref="SnmpPduType.TrapV1"/>.</summary>
    public SnmpPdu(SnmpPduType type, int requestId, SnmpErrorStatus errorStatus, int errorIndex, IReadOnlyList<VarBind> varBinds)
    {
        if (type is < SnmpPduType.GetRequest or > SnmpPduType.Report or SnmpPduType.TrapV1)
            throw new ArgumentOutOfRangeException(nameof(type), type, "use TrapV1Pdu for the v1 trap");
        Type = type;
        RequestId = requestId;
        ErrorStatus = errorStatus;
        ErrorIndex = errorIndex;
        VarBinds = varBinds;
    }

    /// <inheritdoc />
    public override SnmpPduType Type { get; }

    /// <summary>Matches a response to its request (RFC 3416 §4.1).</summary>
    public int RequestId { get; init; }

    /// <summary>The error-status field.</summary>
    public SnmpErrorStatus ErrorStatus { get; init; }

    /// <summary>The 1-based index of the varbind in error, 0 when none.</summary>
    public int ErrorIndex { get; init; }

    /// <summary>GetBulk: how many leading varbinds get one successor each (stored in the error-status field).</summary>
    public int NonRepeaters => (int)ErrorStatus;

    /// <summary>GetBulk: how many successors each remaining varbind gets (stored in the error-index field).</summary>
    public int MaxRepetitions => ErrorIndex;

    /// <inheritdoc />
    public override IReadOnlyList<VarBind> VarBinds { get; }

    /// <summary>A GetRequest-PDU for <paramref name="oids"/>.</summary>
    public static SnmpPdu GetRequest(int requestId, params IEnumerable<Oid> oids) => Request(SnmpPduType.GetRequest, requestId, oids);

    /// <summary>A GetNextRequest-PDU for <paramref name="oids"/>.</summary>
    public static SnmpPdu GetNextRequest(int requestId, params IEnumerable<Oid> oids) => Request(SnmpPduType.GetNextRequest, requestId, oids);

    /// <summary>A GetBulkRequest-PDU (RFC 3416 §4.2.3).</summary>
    public static SnmpPdu GetBulkRequest(int requestId, int nonRepeaters, int maxRepetitions, params IEnumerable<Oid> oids)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nonRepeaters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRepetitions);
        return new(SnmpPduType.GetBulkRequest, requestId, (SnmpErrorStatus)nonRepeaters, maxRepetitions, [.. oids.Select(o => new VarBind(o))]);
    }

    /// <summary>A SetRequest-PDU.</summary>
    public static SnmpPdu SetRequest(int requestId, params IEnumerable<VarBind> varBinds) =>
        new(SnmpPduType.SetRequest, requestId, SnmpErrorStatus.NoError, 0, [.. varBinds]);

    private static SnmpPdu Request(SnmpPduType type, int requestId, IEnumerable<Oid> oids) =>
        new(type, requestId, SnmpErrorStatus.NoError, 0, [.. oids.Select(o => new VarBind(o))]);

    internal override void Write(BerWriter writer)
    {
        var pdu = writer.BeginConstructed((byte)Type);
        writer.WriteInteger(BerTag.Integer, RequestId);
        writer.WriteInteger(BerTag.Integer, (int)ErrorStatus);
        writer.WriteInteger(BerTag.Integer, ErrorIndex);
        WriteVarBinds(writer, VarBinds);
        writer.EndConstructed(pdu);
    }

    internal static bool TryReadBody(SnmpPduType type, ref BerReader body, out Pdu pdu)
    {
        pdu = null!;
        if (!body.TryReadInt32(BerTag.Integer, out var requestId) ||
            !body.TryReadInt32(BerTag.Integer, out var errorStatus) ||
            !body.TryReadInt32(BerTag.Integer, out var errorIndex) ||
            !TryReadVarBinds(ref body, out var varBinds) ||
            !body.TryExpectEnd("a PDU"))
            return false;
        pdu = new SnmpPdu(type, requestId, (SnmpErrorStatus)errorStatus, errorIndex, varBinds);
        return true;
    }

    /// <summary>Equality by fields and varbinds in order.</summary>
    public bool Equals(SnmpPdu? other) =>
        other is not null && Type == other.Type && RequestId == other.RequestId && ErrorStatus == other.ErrorStatus &&
        ErrorIndex == other.ErrorIndex && VarBinds.SequenceEqual(other.VarBinds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, RequestId, ErrorStatus, ErrorIndex, VarBinds.Count);
}
