namespace Qdms.Core.Snmp;

/// <summary>
/// How QDMS reaches one SNMP device, as stored: secrets sealed by <see cref="Security.SecretBox"/> (never plain text).
/// <see cref="AuthProtocol"/> and <see cref="PrivProtocol"/> are names from <see cref="SnmpNames"/>.
/// </summary>
/// <param name="EngineId">The device's SNMPv3 engine id in lower-case hex, when known (given or learned); traps are matched by it.</param>
public sealed record SnmpDeviceSettings(
    long DeviceId,
    long TenantId,
    string Host,
    int Port,
    SnmpDeviceVersion Version,
    string? SealedCommunity,
    string? UserName,
    string AuthProtocol,
    string? SealedAuthPassword,
    string PrivProtocol,
    string? SealedPrivPassword,
    string? ContextName,
    string? EngineId,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The device's <c>snmp</c> identity key: <c>host:port</c>, an IPv6 host in brackets (<c>[2001:db8::1]:161</c>).</summary>
    public string IdentityKey => IdentityKeyOf(Host, Port);

    public static string IdentityKeyOf(string host, int port) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
}
