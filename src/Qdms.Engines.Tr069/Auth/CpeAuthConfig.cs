using System.Text.Json;
using Qdms.Core.CpeAuth;

namespace Qdms.Engines.Tr069.Auth;

/// <summary>
/// The tr069 config keys of CPE authentication and HTTPS: <c>cpeAuth</c> (none, basic, digest), <c>tenant</c> (where new CPEs go
/// when no credentials place them), <c>nonceLifetimeSeconds</c>, <c>certificatePath</c>, <c>certificateKeyPath</c>,
/// <c>certificatePassword</c>. Every key is optional; a config written before these keys existed reads as the defaults.
/// </summary>
internal static class CpeAuthConfig
{
    public const CpeAuthMode DefaultMode = CpeAuthMode.Digest;
    public const int DefaultNonceLifetimeSeconds = 60;

    public static readonly string[] Keys = ["cpeAuth", "tenant", "nonceLifetimeSeconds", "certificatePath", "certificateKeyPath", "certificatePassword"];

    public static (CpeAuthMode Mode, string Tenant, int NonceLifetimeSeconds, CpeCertificate? Certificate) Read(JsonElement config, List<string> problems)
    {
        var mode = DefaultMode;
        if (config.TryGetProperty("cpeAuth", out var m) && (m.ValueKind != JsonValueKind.String || !CpeAuthModes.TryParse(m.GetString(), out mode)))
        {
            problems.Add("cpeAuth must be \"none\", \"basic\" or \"digest\"");
        }

        var tenant = ConfigValues.String(config, "tenant", problems);
        if (tenant.Length > 64)
        {
            problems.Add("tenant must be a tenant's name (at most 64 characters), or \"\" for the default tenant");
        }

        var lifetime = DefaultNonceLifetimeSeconds;
        if (config.TryGetProperty("nonceLifetimeSeconds", out var n)
            && (n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out lifetime) || lifetime is < 1 or > 3600))
        {
            problems.Add("nonceLifetimeSeconds must be a whole number from 1 to 3600");
        }

        var path = ConfigValues.String(config, "certificatePath", problems);
        var keyPath = ConfigValues.String(config, "certificateKeyPath", problems);
        var password = ConfigValues.String(config, "certificatePassword", problems);
        if (path.Length == 0 && (keyPath.Length > 0 || password.Length > 0))
        {
            problems.Add("certificateKeyPath and certificatePassword need certificatePath");
        }

        return (mode, tenant.Trim().ToLowerInvariant(), lifetime, path.Length > 0 ? new CpeCertificate(path, keyPath, password) : null);
    }
}
