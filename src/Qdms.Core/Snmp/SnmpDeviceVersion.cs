namespace Qdms.Core.Snmp;

/// <summary>The SNMP version QDMS speaks to a device; on the wire of the API: <c>1</c>, <c>2c</c>, <c>3</c>.</summary>
public enum SnmpDeviceVersion
{
    V1 = 0,
    V2c = 1,
    V3 = 3,
}
