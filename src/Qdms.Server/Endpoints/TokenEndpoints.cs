using Qdms.Contracts;
using Qdms.Core.Security;
using Qdms.Core.Users;

namespace Qdms.Server.Endpoints;

internal static class TokenEndpoints
{
    /// <summary>Each user's own API tokens.</summary>
    public static RouteGroupBuilder MapTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("/", async (Caller caller, TokenService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(caller, ct)).Select(t => t.ToDto()).ToList()));

        tokens.MapPost("/", async (CreateTokenRequest body, Caller caller, TokenService service, CancellationToken ct) =>
        {
            var lifetime = body.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : (TimeSpan?)null;
            var (secret, token) = await service.CreateAsync(caller, body.Name, lifetime, ct);
            return TypedResults.Created($"/api/v1/tokens/{token.Id}", new CreatedTokenDto(secret, token.ToDto()));
        });

        tokens.MapDelete("/{id:long}", async (long id, Caller caller, TokenService service, CancellationToken ct) =>
        {
            await service.RevokeAsync(caller, id, ct);
            return TypedResults.NoContent();
        });
        return api;
    }
}
