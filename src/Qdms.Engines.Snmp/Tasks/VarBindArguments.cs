using System.Globalization;
using System.Net;
using System.Text.Json;
using Qdms.Core.Errors;
using Qdms.Core.Snmp;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Engines.Snmp.Tasks;

/// <summary>
/// Task arguments: <c>get</c> takes <c>{"paths": ["1.3.6.1.2.1.1.5.0", …]}</c> (or <c>oids</c>); <c>set</c> takes
/// <c>{"values": {"OID": value}}</c> where a value is a string (OCTET STRING), a whole number (INTEGER) or
/// <c>{"type": "int|string|hexString|oid|ipAddress|counter32|gauge32|timeTicks|counter64", "value": "…"}</c>;
/// <c>refresh</c> takes <c>{"path": "1.3.6.1.2.1.2"}</c> (default: the system group 1.3.6.1.2.1.1).
/// </summary>
internal static class VarBindArguments
{
    public const int MaxOids = 200;
    public const string DefaultRefreshRoot = "1.3.6.1.2.1.1";

    public static IReadOnlyList<Oid> Paths(JsonElement? args)
    {
        if (args is not { ValueKind: JsonValueKind.Object } a
            || !(a.TryGetProperty("paths", out var list) || a.TryGetProperty("oids", out list))
            || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > MaxOids)
        {
            throw new TaskFault("invalid-arguments", $"a get task needs \"paths\": an array of 1–{MaxOids} OIDs.");
        }

        return list.EnumerateArray().Select((e, i) => ParseOid(e.ValueKind == JsonValueKind.String ? e.GetString() : null, $"paths[{i}]")).ToList();
    }

    public static Oid Root(JsonElement? args)
    {
        if (args is { ValueKind: JsonValueKind.Object } a && (a.TryGetProperty("path", out var p) || a.TryGetProperty("oid", out p)))
        {
            return ParseOid(p.ValueKind == JsonValueKind.String ? p.GetString() : null, "path");
        }

        return Oid.Parse(DefaultRefreshRoot);
    }

    public static IReadOnlyList<VarBind> Values(JsonElement? args)
    {
        if (args is not { ValueKind: JsonValueKind.Object } a || !a.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new TaskFault("invalid-arguments", "a set task needs \"values\": an object of OID → value.");
        }

        var result = new List<VarBind>();
        foreach (var property in values.EnumerateObject())
        {
            var oid = ParseOid(property.Name, $"values.{property.Name}");
            result.Add(new VarBind(oid, Value(property.Value, property.Name)));
        }

        return result.Count is > 0 and <= MaxOids ? result : throw new TaskFault("invalid-arguments", $"a set task sets 1–{MaxOids} values.");
    }

    private static SnmpValue Value(JsonElement value, string oid)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return SnmpValue.OctetString(value.GetString()!);
            case JsonValueKind.Number when value.TryGetInt32(out var n):
                return SnmpValue.Integer(n);
            case JsonValueKind.Object when value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && value.TryGetProperty("value", out var v):
                var text = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
                try
                {
                    return t.GetString() switch
                    {
                        "int" or "integer" => SnmpValue.Integer(int.Parse(text, CultureInfo.InvariantCulture)),
                        "string" => SnmpValue.OctetString(text),
                        "hexString" => SnmpValue.OctetString(Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal))),
                        "oid" => SnmpValue.ObjectIdentifier(ParseOid(text, $"values.{oid}")),
                        "ipAddress" when IPAddress.TryParse(text, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork => SnmpValue.IpAddress(ip.GetAddressBytes()),
                        "counter32" => SnmpValue.Counter32(uint.Parse(text, CultureInfo.InvariantCulture)),
                        "gauge32" => SnmpValue.Gauge32(uint.Parse(text, CultureInfo.InvariantCulture)),
                        "timeTicks" => SnmpValue.TimeTicks(uint.Parse(text, CultureInfo.InvariantCulture)),
                        "counter64" => SnmpValue.Counter64(ulong.Parse(text, CultureInfo.InvariantCulture)),
                        _ => throw new FormatException($"unknown type '{t.GetString()}'"),
                    };
                }
                catch (Exception e) when (e is FormatException or OverflowException)
                {
                    throw new TaskFault("invalid-arguments", $"values.{oid}: {e.Message}");
                }

            default:
                throw new TaskFault("invalid-arguments", $"values.{oid} must be a string, a whole number or {{\"type\": …, \"value\": …}}.");
        }
    }

    private static Oid ParseOid(string? text, string field)
    {
        try
        {
            return Oid.Parse(SnmpRules.Oid(text, field));
        }
        catch (ValidationException e)
        {
            throw new TaskFault("invalid-arguments", e.Message);
        }
    }
}
