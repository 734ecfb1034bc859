using System.Globalization;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Tests.Peers;

/// <summary>One line of net-snmp's <c>-On -Oe</c> output: <c>.1.3.6.1.2.1.1.5.0 = STRING: "name"</c>.</summary>
public sealed record NetSnmpVarBind(Oid Oid, string Type, string Text)
{
    /// <summary>
    /// Parses walk output. A line that does not start with '.' continues the previous value (long Hex-STRINGs wrap,
    /// strings may hold newlines). net-snmp prints an empty string as <c>""</c> with no type, and reports
    /// endOfMibView as "No more variables left…", which is not a value and is skipped.
    /// </summary>
    public static List<NetSnmpVarBind> ParseWalk(string output)
    {
        var result = new List<NetSnmpVarBind>();
        foreach (var line in output.Split('\n'))
        {
            if (line.Length == 0)
                continue;
            var separator = line.IndexOf(" = ", StringComparison.Ordinal);
            if (!line.StartsWith('.') || separator < 0)
            {
                var last = result[^1];
                result[^1] = last with { Text = last.Text + "\n" + line };
                continue;
            }
            var oid = Oid.Parse(line[..separator]);
            var rest = line[(separator + 3)..];
            if (rest.StartsWith("No more variables", StringComparison.Ordinal))
                continue;
            if (rest == "\"\"")
            {
                result.Add(new(oid, "STRING", "\"\""));
                continue;
            }
            var colon = rest.IndexOf(": ", StringComparison.Ordinal);
            result.Add(colon < 0 ? new(oid, rest, "") : new(oid, rest[..colon], rest[(colon + 2)..]));
        }
        return result;
    }

    /// <summary>Whether <paramref name="value"/> is what net-snmp printed (type always; the value where the text is unambiguous).</summary>
    public bool Matches(SnmpValue value) => (Type, value.Type) switch
    {
        ("STRING", SnmpValueType.OctetString) => value.AsOctets().SequenceEqual(Unquote(Text)),
        ("Hex-STRING", SnmpValueType.OctetString) => value.AsOctets().SequenceEqual(Hex.Bytes(Text)),
        ("INTEGER", SnmpValueType.Integer) => value.AsInt32() == int.Parse(Text, CultureInfo.InvariantCulture),
        ("Counter32", SnmpValueType.Counter32) or ("Gauge32", SnmpValueType.Gauge32) or ("Counter64", SnmpValueType.Counter64) =>
            value.AsUInt64() == ulong.Parse(Text, CultureInfo.InvariantCulture),
        ("Timeticks", SnmpValueType.TimeTicks) => Text.StartsWith($"({value.AsUInt32()})", StringComparison.Ordinal),
        ("IpAddress", SnmpValueType.IpAddress) => value.ToString() == $"IpAddress: {Text}",
        ("OID", SnmpValueType.ObjectIdentifier) => $".{value.AsOid()}" == Text,
        ("Opaque", SnmpValueType.Opaque) => true, // net-snmp decodes the Opaque (e.g. "Float: 1.09"): type only
        _ => false,
    };

    // net-snmp quotes printable strings and escapes '"' and '\' with a backslash.
    private static byte[] Unquote(string text)
    {
        var inner = text.Trim('\n')[1..^1];
        var bytes = new List<byte>(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] is '"' or '\\')
                i++;
            bytes.Add((byte)inner[i]);
        }
        return [.. bytes];
    }
}
