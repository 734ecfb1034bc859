using System.Globalization;
using System.Text;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Engines.Snmp.Polling;

/// <summary>
/// SNMP values as parameter text and type: <c>int</c>, <c>string</c>, <c>hexString</c> (octets that are not text, as lower-case hex),
/// <c>oid</c>, <c>ipAddress</c>, <c>counter32</c>, <c>gauge32</c>, <c>timeTicks</c> (hundredths of a second), <c>counter64</c>, <c>opaque</c> (hex).
/// </summary>
internal static class ValueText
{
    /// <summary>The value's text and type; null for the exceptions (noSuchObject, noSuchInstance, endOfMibView) and NULL.</summary>
    public static (string Text, string Type)? Of(SnmpValue value) => value.Type switch
    {
        SnmpValueType.Integer => (value.AsInt32().ToString(CultureInfo.InvariantCulture), "int"),
        SnmpValueType.OctetString => IsText(value.AsOctets()) ? (Encoding.UTF8.GetString(value.AsOctets()), "string") : (Convert.ToHexStringLower(value.AsOctets()), "hexString"),
        SnmpValueType.ObjectIdentifier => (value.AsOid().ToString(), "oid"),
        SnmpValueType.IpAddress => (string.Join('.', value.AsOctets().ToArray()), "ipAddress"),
        SnmpValueType.Counter32 => (value.AsUInt32().ToString(CultureInfo.InvariantCulture), "counter32"),
        SnmpValueType.Gauge32 => (value.AsUInt32().ToString(CultureInfo.InvariantCulture), "gauge32"),
        SnmpValueType.TimeTicks => (value.AsUInt32().ToString(CultureInfo.InvariantCulture), "timeTicks"),
        SnmpValueType.Counter64 => (value.AsUInt64().ToString(CultureInfo.InvariantCulture), "counter64"),
        SnmpValueType.Opaque => (Convert.ToHexStringLower(value.AsOctets()), "opaque"),
        _ => null,
    };

    /// <summary>The value as a number, for measurements; null when it is not numeric.</summary>
    public static double? Number(SnmpValue value) => value.Type switch
    {
        SnmpValueType.Integer => value.AsInt32(),
        SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks or SnmpValueType.Counter64 => value.AsUInt64(),
        SnmpValueType.OctetString => double.TryParse(value.AsOctets(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
        _ => null,
    };

    private static bool IsText(ReadOnlySpan<byte> octets)
    {
        foreach (var b in octets)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                return false;
            }
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(octets);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
