using Microsoft.AspNetCore.Http.HttpResults;
using Qdms.Contracts;
using Qdms.Core.Auth;
using Qdms.Core.Security;
using Qdms.Core.Users;
using Qdms.Server.Auth;

namespace Qdms.Server.Endpoints;

internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");

        // The one anonymous route under /api/v1: it is how a token is obtained.
        auth.MapPost("/login", async (LoginRequest body, AuthService service, CancellationToken ct) =>
        {
            var (token, record, user) = await service.LoginAsync(body.Username, body.Password, ct);
            return TypedResults.Ok(new LoginResponse(token, record.ExpiresAt, user.ToDto()));
        }).AllowAnonymous();

        auth.MapPost("/logout", async (HttpContext http, Caller caller, AuthService service, CancellationToken ct) =>
        {
            await service.LogoutAsync(caller, http.User.TokenId(), ct);
            return TypedResults.NoContent();
        });

        auth.MapGet("/me", async Task<Ok<UserDto>> (Caller caller, UserService users, CancellationToken ct) =>
            TypedResults.Ok((await users.GetAsync(caller, caller.UserId, ct)).ToDto()));
        return api;
    }
}
