using System.Globalization;
using System.Net;
using Qdms.Core.Errors;

namespace Qdms.Core.Snmp;

/// <summary>The shape rules of SNMP settings and profiles, each failure naming the field.</summary>
public static class SnmpRules
{
    public const int MaxCommunityLength = 255;
    public const int MaxUserNameLength = 32; // RFC 3414 §5: SnmpAdminString (SIZE(1..32))
    public const int MinPasswordLength = 8; // net-snmp refuses shorter USM passwords
    public const int MaxPasswordLength = 255;
    public const int MinIntervalSeconds = 1;
    public const int MaxIntervalSeconds = 86_400;
    public const int MaxScalars = 200;
    public const int MaxTables = 20;
    public const int MaxColumns = 50;
    public const int MaxOidArcs = 128;

    /// <summary>An IP address (no host names: the poller never waits on DNS), returned in its canonical text form.</summary>
    public static string Host(string? value, string field = "host")
    {
        var text = value?.Trim() ?? "";
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }

        return IPAddress.TryParse(text, out var address) && !text.Contains('%', StringComparison.Ordinal)
            ? address.ToString()
            : throw new ValidationException(field, $"{field} '{value}' is not an IP address (such as 192.0.2.7 or 2001:db8::7); host names are not accepted.");
    }

    public static int Port(int? value, string field = "port") => value switch
    {
        null => 161,
        >= 1 and <= 65535 => value.Value,
        _ => throw new ValidationException(field, $"{field} must be from 1 to 65535; got {value}."),
    };

    /// <summary>A dotted-decimal OID of 2–128 arcs (a leading '.' is allowed), returned without the leading dot.</summary>
    public static string Oid(string? value, string field)
    {
        var text = value?.Trim().TrimStart('.') ?? "";
        var arcs = text.Split('.');
        var ok = arcs.Length is >= 2 and <= MaxOidArcs
            && arcs.All(a => a.Length is > 0 and <= 10 && a.All(char.IsAsciiDigit) && uint.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            && arcs[0] is "0" or "1" or "2";
        return ok ? text : throw new ValidationException(field, $"{field} '{value}' is not an OID: give dotted decimal numbers such as 1.3.6.1.2.1.1.5.0.");
    }

    /// <summary>A name of letters, digits, '-', '_' and '.', 1–64 characters, starting with a letter or digit.</summary>
    public static string Name(string? value, string field)
    {
        var name = value?.Trim() ?? "";
        return name.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? name
            : throw new ValidationException(field, $"{field} '{value}' is not valid: 1–64 letters, digits, '-', '_' or '.', starting with a letter or digit.");
    }

    /// <summary>A metric name: 1–100 letters, digits, '_', '-' and '.' (<c>snmp.sysUpTime</c>, <c>in_bps</c>).</summary>
    public static string Metric(string? value, string field)
    {
        var name = value?.Trim() ?? "";
        return name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? name
            : throw new ValidationException(field, $"{field} '{value}' is not a metric name: 1–100 letters, digits, '_', '-' or '.'.");
    }

    public static string Secret(string value, string field, int min, int max) =>
        value.Length >= min && value.Length <= max && !value.Any(char.IsControl)
            ? value
            : throw new ValidationException(field, $"{field} must be {min}–{max} characters without control characters.");

    /// <summary>An SNMP engine id: 5–32 octets (RFC 3411 §5) in hex, returned lower-case.</summary>
    public static string? EngineId(string? value, string field = "engineId")
    {
        var text = value?.Trim().Replace(":", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        return text.Length is >= 10 and <= 64 && text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit)
            ? text.ToLowerInvariant()
            : throw new ValidationException(field, $"{field} must be 5–32 octets in hex (such as 80001f8880c0a80001); got '{value}'.");
    }

    /// <summary>Checks a profile's fields and returns it cleaned (trimmed OIDs and names).</summary>
    public static SnmpProfile Profile(SnmpProfile p)
    {
        var name = Name(p.Name, "name");
        if (SnmpBuiltInProfiles.Find(name) is not null)
        {
            throw new ValidationException("name", $"'{name}' is a built-in profile; choose another name.");
        }

        if (p.IntervalSeconds is < MinIntervalSeconds or > MaxIntervalSeconds)
        {
            throw new ValidationException("intervalSeconds", $"intervalSeconds must be from {MinIntervalSeconds} to {MaxIntervalSeconds}; got {p.IntervalSeconds}.");
        }

        if (p.Scalars.Count > MaxScalars)
        {
            throw new ValidationException("scalars", $"a profile has at most {MaxScalars} scalars; got {p.Scalars.Count}.");
        }

        if (p.Tables.Count > MaxTables)
        {
            throw new ValidationException("tables", $"a profile has at most {MaxTables} tables; got {p.Tables.Count}.");
        }

        if (p.Scalars.Count == 0 && p.Tables.Count == 0)
        {
            throw new ValidationException("scalars", "a profile needs at least one scalar or one table.");
        }

        var scalars = p.Scalars.Select((s, i) => Object(s, $"scalars[{i}]")).ToList();
        var tables = p.Tables.Select((t, i) =>
        {
            if (t.Columns.Count is 0 or > MaxColumns)
            {
                throw new ValidationException($"tables[{i}].columns", $"a table has 1–{MaxColumns} columns; got {t.Columns.Count}.");
            }

            return new SnmpTableSpec(Metric(t.Name, $"tables[{i}].name"), t.Columns.Select((c, j) => Object(c, $"tables[{i}].columns[{j}]")).ToList());
        }).ToList();
        var description = Devices.DeviceRules.Text(p.Description, "description");
        return new SnmpProfile(p.TenantId, name, description, p.IntervalSeconds, scalars, tables);
    }

    private static SnmpObject Object(SnmpObject o, string field)
    {
        if (!double.IsFinite(o.Scale) || o.Scale == 0)
        {
            throw new ValidationException($"{field}.scale", $"{field}.scale must be a finite number other than 0.");
        }

        if (!Enum.IsDefined(o.Kind))
        {
            throw new ValidationException($"{field}.kind", $"{field}.kind must be none, gauge or rate.");
        }

        var metric = o.Kind == SnmpMetricKind.None ? null : Metric(o.Metric, $"{field}.metric");
        return new SnmpObject(Oid(o.Oid, $"{field}.oid"), Name(o.Name, $"{field}.name"), metric, o.Kind, o.Scale);
    }
}
