using Qdms.Protocols.Snmp.Ber;

namespace Qdms.Protocols.Snmp.Messages;

/// <summary>A protocol data unit: either a <see cref="SnmpPdu"/> (the RFC 3416 shape) or a <see cref="TrapV1Pdu"/>.</summary>
public abstract record Pdu
{
    private protected Pdu()
    {
    }

    /// <summary>The PDU kind, which is also its tag.</summary>
    public abstract SnmpPduType Type { get; }

    /// <summary>The variable bindings.</summary>
    public abstract IReadOnlyList<VarBind> VarBinds { get; }

    internal abstract void Write(BerWriter writer);

    internal static bool TryRead(ref BerReader reader, out Pdu pdu)
    {
        pdu = null!;
        if (!reader.TryPeekTag(out var tag))
            return false;
        var at = reader.Offset;
        if (tag is < (byte)SnmpPduType.GetRequest or > (byte)SnmpPduType.Report)
        {
            reader.SetError(at, $"tag 0x{tag:X2} is not a PDU");
            return false;
        }
        if (!reader.TryReadConstructed(tag, out var body))
            return false;
        var ok = tag == (byte)SnmpPduType.TrapV1
            ? TrapV1Pdu.TryReadBody(ref body, out pdu)
            : SnmpPdu.TryReadBody((SnmpPduType)tag, ref body, out pdu);
        if (!ok)
            reader.SetError(0, body.Error!);
        return ok;
    }

    // RFC 3416 §3: VarBindList ::= SEQUENCE (SIZE (0..max-bindings)) OF VarBind
    //   VarBind ::= SEQUENCE { name ObjectName, CHOICE { value ObjectSyntax, unSpecified NULL, noSuchObject [0] NULL, ... } }
    private protected static bool TryReadVarBinds(ref BerReader reader, out List<VarBind> varBinds)
    {
        varBinds = [];
        if (!reader.TryReadConstructed(BerTag.Sequence, out var list))
            return false;
        while (!list.IsAtEnd)
        {
            if (!list.TryReadConstructed(BerTag.Sequence, out var item) ||
                !item.TryReadOid(out var oid) ||
                !SnmpValue.TryRead(ref item, out var value) ||
                !item.TryExpectEnd("a varbind"))
            {
                reader.SetError(0, list.Error ?? item.Error!);
                return false;
            }
            varBinds.Add(new VarBind(oid, value));
        }
        return true;
    }

    private protected static void WriteVarBinds(BerWriter writer, IReadOnlyList<VarBind> varBinds)
    {
        var list = writer.BeginConstructed(BerTag.Sequence);
        foreach (var vb in varBinds)
        {
            var item = writer.BeginConstructed(BerTag.Sequence);
            writer.WriteOid(vb.Oid);
            vb.Value.Write(writer);
            writer.EndConstructed(item);
        }
        writer.EndConstructed(list);
    }
}
