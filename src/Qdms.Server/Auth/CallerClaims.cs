using System.Globalization;
using System.Security.Claims;
using Qdms.Core.Security;

namespace Qdms.Server.Auth;

/// <summary>Carries a <see cref="Caller"/> through ASP.NET Core's <see cref="ClaimsPrincipal"/> and back.</summary>
internal static class CallerClaims
{
    public const string TenantClaim = "qdms:tenant";
    public const string TokenClaim = "qdms:token";

    public static IEnumerable<Claim> ToClaims(this Caller caller, long tokenId)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, caller.UserId.ToString(CultureInfo.InvariantCulture));
        yield return new Claim(ClaimTypes.Name, caller.Username);
        yield return new Claim(ClaimTypes.Role, caller.Role.ToName());
        yield return new Claim(TokenClaim, tokenId.ToString(CultureInfo.InvariantCulture));
        if (caller.TenantId is { } tenant)
        {
            yield return new Claim(TenantClaim, tenant.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The caller of an authenticated request, or null when the request is anonymous.</summary>
    public static Caller? ToCaller(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = long.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
        RoleNames.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role);
        var tenant = principal.FindFirstValue(TenantClaim);
        return new Caller(id, principal.Identity.Name ?? "", role, tenant is null ? null : long.Parse(tenant, CultureInfo.InvariantCulture));
    }

    public static long TokenId(this ClaimsPrincipal principal) =>
        long.Parse(principal.FindFirstValue(TokenClaim) ?? "0", CultureInfo.InvariantCulture);
}
