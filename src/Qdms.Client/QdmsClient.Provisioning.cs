using System.Text.Json;
using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    public Task<List<ProvisioningRuleDto>> ListProvisioningRulesAsync(CancellationToken ct = default) =>
        GetAsync<List<ProvisioningRuleDto>>("api/v1/provisioning/rules", ct);

    public Task<ProvisioningRuleDto> GetProvisioningRuleAsync(long id, CancellationToken ct = default) =>
        GetAsync<ProvisioningRuleDto>($"api/v1/provisioning/rules/{id}", ct);

    public Task<ProvisioningRuleDto> CreateProvisioningRuleAsync(ProvisioningRuleRequest request, long? tenantId = null, CancellationToken ct = default) =>
        SendJsonAsync<ProvisioningRuleDto>(HttpMethod.Post, "api/v1/provisioning/rules" + Query(("tenantId", tenantId)), request, ct);

    /// <summary>Creates a rule from its JSON as written (a rule file): the server checks every member.</summary>
    public Task<ProvisioningRuleDto> CreateProvisioningRuleAsync(JsonElement rule, long? tenantId = null, CancellationToken ct = default) =>
        SendJsonAsync<ProvisioningRuleDto>(HttpMethod.Post, "api/v1/provisioning/rules" + Query(("tenantId", tenantId)), rule, ct);

    public Task<ProvisioningRuleDto> UpdateProvisioningRuleAsync(long id, ProvisioningRuleRequest request, CancellationToken ct = default) =>
        SendJsonAsync<ProvisioningRuleDto>(HttpMethod.Put, $"api/v1/provisioning/rules/{id}", request, ct);

    public Task<ProvisioningRuleDto> UpdateProvisioningRuleAsync(long id, JsonElement rule, CancellationToken ct = default) =>
        SendJsonAsync<ProvisioningRuleDto>(HttpMethod.Put, $"api/v1/provisioning/rules/{id}", rule, ct);

    public Task DeleteProvisioningRuleAsync(long id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/provisioning/rules/{id}", null, ct);

    public Task<ProvisioningPreviewDto> PreviewProvisioningRuleAsync(long id, long deviceId, string? eventCode = null, CancellationToken ct = default) =>
        SendJsonAsync<ProvisioningPreviewDto>(HttpMethod.Post, $"api/v1/provisioning/rules/{id}/preview" + Query(("deviceId", deviceId), ("event", eventCode)), null, ct);
}
