namespace Qdms.Contracts;

/// <summary>
/// An SNMPv3 user as written: protocols are none, md5, sha1, sha224, sha256, sha384, sha512 (auth) and none, des, aes128,
/// aes192, aes256 (priv). A password left null keeps the stored one; "" removes it.
/// </summary>
public sealed record SnmpUserRequest(string Name, string? AuthProtocol = null, string? AuthPassword = null, string? PrivProtocol = null, string? PrivPassword = null);

/// <summary>
/// A device's SNMP settings as written (<c>PUT /api/v1/devices/{id}/snmp</c>). <see cref="Version"/> is 1, 2c or 3;
/// <see cref="Host"/> an IP address; <see cref="Port"/> defaults to 161. A community left null keeps the stored one.
/// </summary>
public sealed record SnmpSettingsRequest(
    string? Host = null,
    int? Port = null,
    string? Version = null,
    string? Community = null,
    SnmpUserRequest? User = null,
    string? ContextName = null,
    string? EngineId = null);

/// <summary>An SNMPv3 user as shown: never the passwords, only whether they are set.</summary>
public sealed record SnmpUserDto(string Name, string AuthProtocol, bool AuthPasswordSet, string PrivProtocol, bool PrivPasswordSet);

/// <summary>A device's SNMP settings as shown: the community is never sent back, only whether it is set.</summary>
public sealed record SnmpSettingsDto(
    long DeviceId,
    string Host,
    int Port,
    string Version,
    bool CommunitySet,
    SnmpUserDto? User,
    string? ContextName,
    string? EngineId,
    DateTimeOffset UpdatedAt);

/// <summary>Creates an SNMP device in one call: the device (identity <c>snmp:host:port</c>), its settings and its profiles.</summary>
public sealed record CreateSnmpDeviceRequest(
    string Host,
    string Version,
    int? Port = null,
    string? Community = null,
    SnmpUserRequest? User = null,
    string? Name = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Profiles = null,
    string? ContextName = null,
    string? EngineId = null,
    long? TenantId = null);

/// <summary>A device created by <see cref="CreateSnmpDeviceRequest"/> with its SNMP settings.</summary>
public sealed record SnmpDeviceDto(DeviceDto Device, SnmpSettingsDto Snmp);

/// <summary>
/// One object of a profile. <see cref="Kind"/> is none (a parameter only), gauge (a measurement of the value) or rate (of the
/// counter per second); <see cref="Scale"/> multiplies it (default 1).
/// </summary>
public sealed record SnmpObjectDto(string Oid, string Name, string? Metric = null, string? Kind = null, double? Scale = null);

/// <summary>A table of a profile: some columns, every row; <see cref="Name"/> prefixes the row metrics (<c>snmp.NAME.INDEX.METRIC</c>).</summary>
public sealed record SnmpTableDto(string Name, IReadOnlyList<SnmpObjectDto> Columns);

/// <summary>A polling profile. Built-in ones have no tenant.</summary>
public sealed record SnmpProfileDto(
    string Name,
    long? TenantId,
    string? Description,
    int IntervalSeconds,
    IReadOnlyList<SnmpObjectDto> Scalars,
    IReadOnlyList<SnmpTableDto> Tables,
    bool BuiltIn);

/// <summary>Creates or replaces a profile of the caller's tenant (a sysop names it with the <c>tenantId</c> query).</summary>
public sealed record SnmpProfileRequest(
    string Name,
    int IntervalSeconds,
    IReadOnlyList<SnmpObjectDto>? Scalars = null,
    IReadOnlyList<SnmpTableDto>? Tables = null,
    string? Description = null);

/// <summary>Assigns a profile to one device or to a tag (every device of the tenant carrying it). <see cref="TenantId"/> is for a sysop's tag assignment.</summary>
public sealed record SnmpAssignmentRequest(string Profile, long? DeviceId = null, string? Tag = null, long? TenantId = null);

public sealed record SnmpAssignmentDto(long Id, long TenantId, string Profile, long? DeviceId, string? Tag, DateTimeOffset CreatedAt);
