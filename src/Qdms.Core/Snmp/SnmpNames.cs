using Qdms.Core.Errors;

namespace Qdms.Core.Snmp;

/// <summary>The names of versions and USM protocols in the API, the CLI and the database.</summary>
public static class SnmpNames
{
    public static IReadOnlyList<string> AuthProtocols { get; } = ["none", "md5", "sha1", "sha224", "sha256", "sha384", "sha512"];

    public static IReadOnlyList<string> PrivProtocols { get; } = ["none", "des", "aes128", "aes192", "aes256"];

    public static string Name(SnmpDeviceVersion version) => version switch
    {
        SnmpDeviceVersion.V1 => "1",
        SnmpDeviceVersion.V2c => "2c",
        _ => "3",
    };

    public static SnmpDeviceVersion ParseVersion(string? text, string field = "version") => text?.Trim().ToLowerInvariant() switch
    {
        "1" or "v1" => SnmpDeviceVersion.V1,
        "2c" or "v2c" or "2" => SnmpDeviceVersion.V2c,
        "3" or "v3" => SnmpDeviceVersion.V3,
        _ => throw new ValidationException(field, $"{field} '{text}' is not an SNMP version: use 1, 2c or 3."),
    };

    public static string Protocol(string? text, IReadOnlyList<string> known, string field)
    {
        var name = string.IsNullOrWhiteSpace(text) ? "none" : text.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
        name = name switch
        {
            "sha" => "sha1",
            "aes" => "aes128",
            _ => name,
        };
        return known.Contains(name, StringComparer.Ordinal)
            ? name
            : throw new ValidationException(field, $"{field} '{text}' is not one of {string.Join(", ", known)}.");
    }
}
