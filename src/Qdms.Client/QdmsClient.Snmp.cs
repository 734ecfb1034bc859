using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    public Task<SnmpSettingsDto> GetSnmpSettingsAsync(long deviceId, CancellationToken ct = default) =>
        GetAsync<SnmpSettingsDto>($"api/v1/devices/{deviceId}/snmp", ct);

    public Task<SnmpSettingsDto> PutSnmpSettingsAsync(long deviceId, SnmpSettingsRequest request, CancellationToken ct = default) =>
        SendJsonAsync<SnmpSettingsDto>(HttpMethod.Put, $"api/v1/devices/{deviceId}/snmp", request, ct);

    public Task DeleteSnmpSettingsAsync(long deviceId, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/devices/{deviceId}/snmp", null, ct);

    public Task<SnmpDeviceDto> CreateSnmpDeviceAsync(CreateSnmpDeviceRequest request, CancellationToken ct = default) =>
        SendJsonAsync<SnmpDeviceDto>(HttpMethod.Post, "api/v1/snmp/devices", request, ct);

    public Task<List<SnmpProfileDto>> ListSnmpProfilesAsync(CancellationToken ct = default) => GetAsync<List<SnmpProfileDto>>("api/v1/snmp/profiles", ct);

    public Task<SnmpProfileDto> GetSnmpProfileAsync(string name, long? tenantId = null, CancellationToken ct = default) =>
        GetAsync<SnmpProfileDto>($"api/v1/snmp/profiles/{Uri.EscapeDataString(name)}" + Query(("tenantId", tenantId)), ct);

    public Task<SnmpProfileDto> CreateSnmpProfileAsync(SnmpProfileRequest request, long? tenantId = null, CancellationToken ct = default) =>
        SendJsonAsync<SnmpProfileDto>(HttpMethod.Post, "api/v1/snmp/profiles" + Query(("tenantId", tenantId)), request, ct);

    public Task<SnmpProfileDto> UpdateSnmpProfileAsync(string name, SnmpProfileRequest request, long? tenantId = null, CancellationToken ct = default) =>
        SendJsonAsync<SnmpProfileDto>(HttpMethod.Put, $"api/v1/snmp/profiles/{Uri.EscapeDataString(name)}" + Query(("tenantId", tenantId)), request, ct);

    public Task DeleteSnmpProfileAsync(string name, long? tenantId = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/snmp/profiles/{Uri.EscapeDataString(name)}" + Query(("tenantId", tenantId)), null, ct);

    public Task<List<SnmpAssignmentDto>> ListSnmpAssignmentsAsync(CancellationToken ct = default) => GetAsync<List<SnmpAssignmentDto>>("api/v1/snmp/assignments", ct);

    public Task<SnmpAssignmentDto> AssignSnmpProfileAsync(SnmpAssignmentRequest request, CancellationToken ct = default) =>
        SendJsonAsync<SnmpAssignmentDto>(HttpMethod.Post, "api/v1/snmp/assignments", request, ct);

    public Task UnassignSnmpProfileAsync(long id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/snmp/assignments/{id}", null, ct);
}
