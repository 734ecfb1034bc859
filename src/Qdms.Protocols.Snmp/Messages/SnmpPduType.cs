namespace Qdms.Protocols.Snmp.Messages;

/// <summary>The PDU kinds; each value is the PDU's context-specific constructed tag (RFC 3416 §3, RFC 1157 §4.1).</summary>
public enum SnmpPduType : byte
{
    /// <summary>[0] GetRequest-PDU.</summary>
    GetRequest = 0xA0,
    /// <summary>[1] GetNextRequest-PDU.</summary>
    GetNextRequest = 0xA1,
    /// <summary>[2] Response-PDU (GetResponse in v1).</summary>
    Response = 0xA2,
    /// <summary>[3] SetRequest-PDU.</summary>
    SetRequest = 0xA3,
    /// <summary>[4] the SNMPv1 Trap-PDU (RFC 1157 §4.1.6), see <see cref="TrapV1Pdu"/>.</summary>
    TrapV1 = 0xA4,
    /// <summary>[5] GetBulkRequest-PDU (v2c only).</summary>
    GetBulkRequest = 0xA5,
    /// <summary>[6] InformRequest-PDU (v2c only).</summary>
    InformRequest = 0xA6,
    /// <summary>[7] SNMPv2-Trap-PDU (v2c only).</summary>
    TrapV2 = 0xA7,
    /// <summary>[8] Report-PDU.</summary>
    Report = 0xA8,
}
