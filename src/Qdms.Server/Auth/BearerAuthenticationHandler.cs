using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Qdms.Core.Auth;
using Qdms.Core.Security;
using Qdms.Core.Users;
using Qdms.Server.Problems;

namespace Qdms.Server.Auth;

/// <summary>
/// <c>Authorization: Bearer qdms_…</c>: resolves the token through <see cref="AuthService"/> and answers a missing,
/// unknown or expired token with a 401 problem that says which it was.
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthService auth,
    ITokenStore tokens,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <token>'.");
        }

        var check = await auth.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (check.Caller is not { } caller || check.Token is not { } token)
        {
            return AuthenticateResult.Fail(check.Failure ?? "The bearer token was refused.");
        }

        var now = time.GetUtcNow();
        if (token.LastUsedAt is null || now - token.LastUsedAt > TouchEvery)
        {
            await tokens.TouchAsync(token.Id, now, Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(caller.ToClaims(token.Id), SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message
            ?? "Authentication is required: send 'Authorization: Bearer <token>' (get a token from POST /api/v1/auth/login).";
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this operation.");
}
