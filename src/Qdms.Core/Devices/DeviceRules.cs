using Qdms.Core.Errors;

namespace Qdms.Core.Devices;

/// <summary>The shape rules of device fields, each failure naming the field and the rule.</summary>
public static class DeviceRules
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 200;
    public const int MaxTagLength = 64;
    public const int MaxTags = 32;
    public const int MaxIdentities = 16;
    public const int MaxIdentityKeyLength = 256;
    public const int MaxProtocolLength = 16;

    /// <summary>A required name: trimmed, 1–200 characters, no control characters.</summary>
    public static string Name(string? value, string field = "name")
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new ValidationException(field, $"{field} must not be empty.");
        }

        return Text(name, field, MaxNameLength)!;
    }

    /// <summary>An optional text: trimmed; empty becomes null; at most <paramref name="max"/> characters, no control characters.</summary>
    public static string? Text(string? value, string field, int max = MaxTextLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > max)
        {
            throw new ValidationException(field, $"{field} must be at most {max} characters; got {text.Length}.");
        }

        if (text.Any(char.IsControl))
        {
            throw new ValidationException(field, $"{field} must not contain control characters.");
        }

        return text;
    }

    /// <summary>
    /// Tags: each 1–64 characters of letters, digits, '.', '_', '-', ':' or '/', starting with a letter or digit; at most 32.
    /// Returns them distinct in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> Tags(IEnumerable<string>? tags, string field = "tags")
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in tags ?? [])
        {
            var tag = raw?.Trim() ?? "";
            if (tag.Length is 0 or > MaxTagLength
                || !char.IsAsciiLetterOrDigit(tag[0])
                || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or '/'))
            {
                throw new ValidationException(field,
                    $"tag '{raw}' is not valid: a tag is 1–{MaxTagLength} characters of letters, digits, '.', '_', '-', ':' or '/', starting with a letter or digit.");
            }

            result.Add(tag);
        }

        if (result.Count > MaxTags)
        {
            throw new ValidationException(field, $"a device has at most {MaxTags} tags; got {result.Count}.");
        }

        return [.. result];
    }

    /// <summary>A protocol name: lowercase letters, digits and '-', starting with a letter, 1–16 characters.</summary>
    public static string Protocol(string? value, string field = "protocol")
    {
        var protocol = value?.Trim() ?? "";
        if (protocol.Length is 0 or > MaxProtocolLength || !char.IsAsciiLetterLower(protocol[0]) || !protocol.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ValidationException(field,
                $"protocol '{value}' is not valid: use a lowercase name such as tr069, lwm2m, snmp, mqtt or ping (letters, digits, '-', at most {MaxProtocolLength}).");
        }

        return protocol;
    }

    /// <summary>An identity: a valid protocol and a key of 1–256 characters without control characters or ';'.</summary>
    public static DeviceIdentity Identity(string? protocol, string? key, string field = "identities")
    {
        var p = Protocol(protocol, field);
        var k = key?.Trim() ?? "";
        if (k.Length == 0)
        {
            throw new ValidationException(field, $"the {p} identity key must not be empty.");
        }

        if (k.Length > MaxIdentityKeyLength || k.Any(c => char.IsControl(c) || c == ';'))
        {
            throw new ValidationException(field, $"the {p} identity key must be at most {MaxIdentityKeyLength} characters, without control characters or ';'.");
        }

        return new DeviceIdentity(p, k);
    }

    /// <summary>At least one identity, at most 16, no (protocol, key) twice.</summary>
    public static IReadOnlyList<DeviceIdentity> Identities(IEnumerable<DeviceIdentity>? identities, string field = "identities")
    {
        var list = (identities ?? []).Select(i => Identity(i.Protocol, i.Key, field)).Distinct().ToList();
        if (list.Count == 0)
        {
            throw new ValidationException(field, "a device needs at least one identity (protocol and key).");
        }

        if (list.Count > MaxIdentities)
        {
            throw new ValidationException(field, $"a device has at most {MaxIdentities} identities; got {list.Count}.");
        }

        return list;
    }

    /// <summary>Parses the text form <c>protocol:key</c>; the key may itself contain ':' (IPv6 addresses).</summary>
    public static DeviceIdentity ParseIdentity(string text, string field = "identities")
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new ValidationException(field, $"identity '{text}' must be written protocol:key, e.g. tr069:00259E-HG8245-0001.");
        }

        return Identity(text[..colon], text[(colon + 1)..], field);
    }

    /// <summary>A draft with every field checked and normalised; a missing name becomes the first identity's key.</summary>
    public static DeviceDraft Draft(DeviceDraft d)
    {
        var identities = Identities(d.Identities);
        return new DeviceDraft(
            string.IsNullOrWhiteSpace(d.Name) ? Name(identities[0].Key) : Name(d.Name),
            identities,
            Text(d.Manufacturer, "manufacturer"),
            Text(d.Model, "model"),
            Text(d.Serial, "serial"),
            Text(d.FirmwareVersion, "firmwareVersion"),
            Text(d.Address, "address"),
            Tags(d.Tags),
            Text(d.ProvisionGroup, "provisionGroup"),
            Text(d.UpdateGroup, "updateGroup"));
    }
}
