using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    public Task<CpeAuthDto> GetCpeAuthAsync(long deviceId, CancellationToken ct = default) =>
        GetAsync<CpeAuthDto>($"api/v1/devices/{deviceId}/cwmp-auth", ct);

    public Task<CpeAuthDto> PutCpeAuthAsync(long deviceId, CpeAuthRequest request, CancellationToken ct = default) =>
        SendJsonAsync<CpeAuthDto>(HttpMethod.Put, $"api/v1/devices/{deviceId}/cwmp-auth", request, ct);

    public Task<TenantCpeAuthDto> GetTenantCpeAuthAsync(long tenantId, CancellationToken ct = default) =>
        GetAsync<TenantCpeAuthDto>($"api/v1/tenants/{tenantId}/cwmp-auth", ct);

    public Task<TenantCpeAuthDto> PutTenantCpeAuthAsync(long tenantId, TenantCpeAuthRequest request, CancellationToken ct = default) =>
        SendJsonAsync<TenantCpeAuthDto>(HttpMethod.Put, $"api/v1/tenants/{tenantId}/cwmp-auth", request, ct);
}
