namespace Qdms.Protocols.Snmp.Messages;

/// <summary>An object name and its value (RFC 3416 §3 VarBind).</summary>
/// <param name="Oid">The object instance.</param>
/// <param name="Value">Its value, NULL in requests that only name objects.</param>
public readonly record struct VarBind(Oid Oid, SnmpValue Value)
{
    /// <summary>A varbind carrying NULL, as in Get/GetNext/GetBulk requests.</summary>
    public VarBind(Oid oid) : this(oid, SnmpValue.Null)
    {
    }

    /// <summary>net-snmp's <c>-On</c> style: <c>.1.3.6.1.2.1.1.5.0 = STRING: "x"</c>.</summary>
    public override string ToString() => $".{Oid} = {Value}";
}
