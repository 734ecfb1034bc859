using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qdms.Contracts;

/// <summary>One way a device is known: <c>tr069</c> + <c>OUI-ProductClass-Serial</c>, <c>snmp</c> + address …</summary>
public sealed record DeviceIdentityDto(string Protocol, string Key);

/// <summary>A device of the inventory. <see cref="Status"/> is unknown, online, offline or unreachable.</summary>
public sealed record DeviceDto(
    long Id,
    long TenantId,
    string Name,
    string? Manufacturer,
    string? Model,
    string? Serial,
    string? FirmwareVersion,
    string? Address,
    DateTimeOffset? LastContactAt,
    string Status,
    IReadOnlyList<string> Tags,
    string? ProvisionGroup,
    string? UpdateGroup,
    string? CredentialsUsername,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<DeviceIdentityDto> Identities);

/// <summary>HTTP Basic credentials for a device; the password is never sent back.</summary>
public sealed record DeviceCredentialsDto(string Username, string Password);

/// <summary>Pre-provisions a device. <see cref="TenantId"/> is for sysops (default: the default tenant); a missing name becomes the first identity's key.</summary>
public sealed record CreateDeviceRequest(
    IReadOnlyList<DeviceIdentityDto> Identities,
    string? Name = null,
    string? Manufacturer = null,
    string? Model = null,
    string? Serial = null,
    string? FirmwareVersion = null,
    string? Address = null,
    IReadOnlyList<string>? Tags = null,
    string? ProvisionGroup = null,
    string? UpdateGroup = null,
    long? TenantId = null,
    DeviceCredentialsDto? Credentials = null);

/// <summary>
/// Edits a device: null leaves a field as it is, "" clears a group or the address, [] removes all tags.
/// <see cref="Credentials"/> sets HTTP Basic credentials; <see cref="RemoveCredentials"/> true removes them.
/// </summary>
public sealed record UpdateDeviceRequest(
    string? Name = null,
    IReadOnlyList<string>? Tags = null,
    string? ProvisionGroup = null,
    string? UpdateGroup = null,
    string? Address = null,
    DeviceCredentialsDto? Credentials = null,
    bool? RemoveCredentials = null);

public sealed record DeviceParameterDto(string Path, string? Value, string Type, bool Writable, DateTimeOffset UpdatedAt);

/// <summary>Queues an operation. <see cref="Arguments"/> is a JSON object; <see cref="ExpiresInSeconds"/> defaults to one day.</summary>
public sealed record CreateTaskRequest(string Kind, JsonElement? Arguments = null, int? ExpiresInSeconds = null);

/// <summary>
/// A queued operation. <see cref="Status"/> is queued, sent, done, failed or expired. <see cref="ConnectionRequest"/> is present only
/// in the answer to a task queued with <c>?connectionRequest=true</c>.
/// </summary>
public sealed record DeviceTaskDto(
    long Id,
    long DeviceId,
    long TenantId,
    string Kind,
    JsonElement? Arguments,
    string Status,
    JsonElement? Result,
    string? FaultCode,
    string? FaultMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpiresAt,
    string CreatedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ConnectionRequestResultDto? ConnectionRequest = null);

public sealed record DeviceImportResultDto(int Created, int Updated);
