using Microsoft.Extensions.Options;
using Qdms.Core.Audit;
using Qdms.Core.Auth;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Core.Tenants;

namespace Qdms.Core.CpeAuth;

/// <summary>
/// CPE authentication for people: a device's mode and credentials (viewers read, operators write) and a tenant's mode (viewers of
/// the tenant read, admins write). A password is stored twice: as the device's PBKDF2 hash (Basic, file downloads) and sealed
/// with <see cref="SecretBox"/> for Digest. Every change is audited without the password.
/// </summary>
public sealed class CpeAuthService(
    IDeviceStore devices,
    ICpeAuthStore store,
    ITenantStore tenants,
    SecretBox secrets,
    AuditLog audit,
    IOptions<AuthOptions> authOptions,
    TimeProvider time)
{
    /// <summary>The mode name that removes an override, so the next level decides.</summary>
    public const string Inherit = "inherit";

    public async Task<CpeAuthView> GetDeviceAsync(Caller caller, long deviceId, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        var device = await devices.GetAsync(deviceId, caller.Scope, ct) ?? throw NotFoundException.For("device", deviceId);
        return await ViewAsync(device, caller.Scope, ct);
    }

    /// <summary>
    /// Sets the device's mode (<paramref name="mode"/> null: unchanged; <see cref="Inherit"/>: follow the tenant) and, when given,
    /// its credentials for Basic and Digest.
    /// </summary>
    public async Task<CpeAuthView> PutDeviceAsync(Caller caller, long deviceId, string? mode, DeviceCredentials? credentials, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var parsed = ParseMode(mode, "mode");
        var creds = Validate(credentials);
        var device = await devices.GetAsync(deviceId, caller.Scope, ct) ?? throw NotFoundException.For("device", deviceId);
        var existing = await store.GetAsync(deviceId, caller.Scope, ct);
        var now = time.GetUtcNow();
        var next = existing ?? new CpeAuthSettings(deviceId, device.TenantId, null, null, null, now);
        var details = new List<string>();
        if (mode is not null)
        {
            next = next with { Mode = parsed };
            details.Add($"mode={mode}");
        }

        if (creds is not null)
        {
            // the hash first: a taken user name (409) leaves everything as it was
            var hash = PasswordHasher.Hash(creds.Password, authOptions.Value.PasswordIterations);
            await devices.SetCredentialsAsync(deviceId, creds.Username, hash, now, ct);
            next = next with { SealedPassword = secrets.Seal(creds.Password, CpeSecrets.Purpose), HashFingerprint = CpeSecrets.Fingerprint(hash) };
            details.Add($"credentials set for {creds.Username}");
        }

        await store.UpsertAsync(next with { UpdatedAt = now }, ct);
        await audit.RecordAsync(caller, "tr069.cpe-auth", $"device/{deviceId}", device.TenantId, details.Count == 0 ? "unchanged" : string.Join(", ", details), ct);
        return await ViewAsync((await devices.GetAsync(deviceId, caller.Scope, ct)) ?? device, caller.Scope, ct);
    }

    public async Task<CpeTenantAuthView> GetTenantAsync(Caller caller, long tenantId, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        await TenantInScopeAsync(caller, tenantId, ct);
        return new CpeTenantAuthView(tenantId, await store.GetTenantModeAsync(tenantId, ct));
    }

    /// <summary>Sets the tenant's mode (<see cref="Inherit"/>: each engine's <c>cpeAuth</c> decides).</summary>
    public async Task<CpeTenantAuthView> PutTenantAsync(Caller caller, long tenantId, string? mode, CancellationToken ct)
    {
        caller.Require(Role.Admin);
        if (mode is null)
        {
            throw new ValidationException("mode", "mode is required: none, basic, digest or inherit.");
        }

        var parsed = ParseMode(mode, "mode");
        await TenantInScopeAsync(caller, tenantId, ct);
        await store.SetTenantModeAsync(tenantId, parsed, time.GetUtcNow(), ct);
        await audit.RecordAsync(caller, "tr069.tenant-auth", $"tenant/{tenantId}", tenantId, $"mode={mode}", ct);
        return new CpeTenantAuthView(tenantId, parsed);
    }

    private async Task TenantInScopeAsync(Caller caller, long tenantId, CancellationToken ct)
    {
        // another tenant's id is a 404, like an id that does not exist
        if ((!caller.Scope.IsAll && caller.TenantId != tenantId) || await tenants.GetAsync(tenantId, ct) is null)
        {
            throw NotFoundException.For("tenant", tenantId);
        }
    }

    private async Task<CpeAuthView> ViewAsync(Device device, TenantScope scope, CancellationToken ct)
    {
        var settings = await store.GetAsync(device.Id, scope, ct);
        var ready = false;
        if (device.CredentialsUsername is { } username && settings?.SealedPassword is not null)
        {
            var login = await store.FindLoginAsync(username, ct);
            ready = login is not null && login.DeviceId == device.Id && CpeSecrets.IsCurrent(login.SealedPassword, login.HashFingerprint, login.PasswordHash);
        }

        return new CpeAuthView(device.Id, device.TenantId, settings?.Mode, device.CredentialsUsername, ready, settings?.UpdatedAt);
    }

    private static CpeAuthMode? ParseMode(string? mode, string field)
    {
        if (mode is null || mode == Inherit)
        {
            return null;
        }

        return CpeAuthModes.TryParse(mode, out var parsed)
            ? parsed
            : throw new ValidationException(field, $"{field} must be none, basic, digest or {Inherit}; got '{mode}'.");
    }

    private static DeviceCredentials? Validate(DeviceCredentials? credentials)
    {
        if (credentials is null)
        {
            return null;
        }

        // no ':' (HTTP Basic), no '"' or '\' (quoted in a Digest header), no control characters
        var username = credentials.Username?.Trim() ?? "";
        if (username.Length is 0 or > 128 || username.Any(c => char.IsControl(c) || c is ':' or '"' or '\\'))
        {
            throw new ValidationException("credentials.username", "credentials.username must be 1–128 characters without ':', '\"', '\\' or control characters.");
        }

        if (string.IsNullOrEmpty(credentials.Password) || credentials.Password.Length < 8 || credentials.Password.Length > 256)
        {
            throw new ValidationException("credentials.password", "credentials.password must be 8–256 characters.");
        }

        return credentials with { Username = username };
    }
}
