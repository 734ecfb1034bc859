using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    public Task<List<UserDto>> ListUsersAsync(CancellationToken ct = default) => GetAsync<List<UserDto>>("api/v1/users", ct);

    public Task<UserDto> CreateUserAsync(CreateUserRequest request, CancellationToken ct = default) =>
        SendJsonAsync<UserDto>(HttpMethod.Post, "api/v1/users", request, ct);

    public Task<UserDto> UpdateUserAsync(long id, UpdateUserRequest request, CancellationToken ct = default) =>
        SendJsonAsync<UserDto>(HttpMethod.Patch, $"api/v1/users/{id}", request, ct);

    public Task ChangePasswordAsync(long id, ChangePasswordRequest request, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/users/{id}/password", request, ct);

    public Task DeleteUserAsync(long id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/users/{id}", null, ct);

    public Task<List<TenantDto>> ListTenantsAsync(CancellationToken ct = default) => GetAsync<List<TenantDto>>("api/v1/tenants", ct);

    public Task<TenantDto> CreateTenantAsync(CreateTenantRequest request, CancellationToken ct = default) =>
        SendJsonAsync<TenantDto>(HttpMethod.Post, "api/v1/tenants", request, ct);

    public Task DeleteTenantAsync(long id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/tenants/{id}", null, ct);

    public Task<List<TokenDto>> ListTokensAsync(CancellationToken ct = default) => GetAsync<List<TokenDto>>("api/v1/tokens", ct);

    public Task<CreatedTokenDto> CreateTokenAsync(CreateTokenRequest request, CancellationToken ct = default) =>
        SendJsonAsync<CreatedTokenDto>(HttpMethod.Post, "api/v1/tokens", request, ct);

    public Task RevokeTokenAsync(long id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/tokens/{id}", null, ct);

    public Task<PageDto<AuditEntryDto>> ListAuditAsync(string? action = null, string? user = null, int? page = null, int? size = null, CancellationToken ct = default) =>
        GetAsync<PageDto<AuditEntryDto>>("api/v1/audit" + Query(("action", action), ("user", user), ("page", page), ("size", size)), ct);
}
