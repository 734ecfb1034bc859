using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    public Task<LoginResponse> LoginAsync(string username, string password, CancellationToken ct = default) =>
        SendJsonAsync<LoginResponse>(HttpMethod.Post, "api/v1/auth/login", new LoginRequest(username, password), ct);

    public Task LogoutAsync(CancellationToken ct = default) => SendAsync(HttpMethod.Post, "api/v1/auth/logout", null, ct);

    public Task<UserDto> MeAsync(CancellationToken ct = default) => GetAsync<UserDto>("api/v1/auth/me", ct);
}
