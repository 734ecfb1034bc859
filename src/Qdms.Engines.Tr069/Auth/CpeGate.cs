using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Qdms.Core.CpeAuth;
using Qdms.Core.Devices;

namespace Qdms.Engines.Tr069.Auth;

/// <summary>
/// Decides whether an Inform may open a session, and for which device (TR-069 §3.4.4: the ACS authenticates the CPE once per
/// session; the session cookie carries it afterwards). The mode is the device's own, else its tenant's, else the engine's
/// <c>cpeAuth</c>; for a CPE not known yet, that of the device its credentials name, else that of the engine's <c>tenant</c>.
/// With <c>none</c> a new CPE is created in the engine's <c>tenant</c>. Otherwise the CPE must prove a user name (Basic, or
/// Digest with a nonce this engine signed) whose device is the Inform's identity — or a device pre-registered with credentials
/// and no TR-069 identity yet, which then takes this one. Wrong or missing credentials: 401 with a fresh challenge; credentials
/// of another device: 403.
/// </summary>
internal sealed class CpeGate
{
    public const string Realm = "QDMS";

    private readonly Tr069Config _config;
    private readonly Tr069Services _services;
    private readonly AcsCounters _counters;
    private readonly ILogger _logger;
    private readonly long _placementTenantId;
    private readonly DigestNonces _nonces;
    private readonly DigestReplayGuard _replays;
    private readonly BasicVerdictCache _verdicts;
    private readonly string _opaque = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private CpeGate(Tr069Config config, Tr069Services services, AcsCounters counters, ILogger logger, long placementTenantId)
    {
        _config = config;
        _services = services;
        _counters = counters;
        _logger = logger;
        _placementTenantId = placementTenantId;
        var lifetime = TimeSpan.FromSeconds(config.NonceLifetimeSeconds);
        _nonces = new DigestNonces(services.Time, lifetime);
        _replays = new DigestReplayGuard(services.Time, lifetime);
        _verdicts = new BasicVerdictCache(services.Time);
    }

    /// <summary>The gate of one engine; the config's <c>tenant</c> must name an existing tenant.</summary>
    public static async Task<CpeGate> CreateAsync(Tr069Config config, Tr069Services services, AcsCounters counters, CancellationToken ct)
    {
        var tenant = services.DefaultTenant.Id;
        if (config.Tenant.Length > 0)
        {
            tenant = (await services.CpeAuth.Tenants.FindByNameAsync(config.Tenant, ct))?.Id
                ?? throw new InvalidOperationException($"The tenant '{config.Tenant}' (config key tenant) does not exist.");
        }

        return new CpeGate(config, services, counters, services.Loggers.CreateLogger<CpeGate>(), tenant);
    }

    /// <summary>
    /// The device the Inform's session is for, found or created; null when the request was answered here (401 or 403).
    /// A known CPE costs one query (its device, modes and credentials by identity), whatever the mode.
    /// </summary>
    public async Task<AdmittedDevice?> AdmitAsync(HttpContext http, DeviceIdentity identity, DeviceDraft draft, string remote, DateTimeOffset now, CancellationToken ct)
    {
        var store = _services.CpeAuth.Store;
        var known = await store.FindAdmissionAsync(identity, ct);
        var authorization = CpeAuthorization.Parse(http.Request.Headers.Authorization.ToString());
        CpeLogin? login = null;
        if (authorization is { Username.Length: > 0 })
        {
            login = known is not null && known.Username == authorization.Username ? known.Login : await store.FindLoginAsync(authorization.Username, ct);
        }

        var mode = known is not null ? known.DeviceMode ?? known.TenantMode ?? _config.CpeAuth
            : login is not null ? login.DeviceMode ?? login.TenantMode ?? _config.CpeAuth
            : await store.GetTenantModeAsync(_placementTenantId, ct) ?? _config.CpeAuth;
        if (mode == CpeAuthMode.None)
        {
            if (known is not null)
            {
                return new AdmittedDevice(known.DeviceId, known.TenantId);
            }

            var created = (await _services.Devices.FindOrCreateAsync(_placementTenantId, identity, draft, now, ct)).Device;
            return new AdmittedDevice(created.Id, created.TenantId);
        }

        if (authorization is null)
        {
            CpeAuthLog.Challenged(_logger, identity.Key, remote, mode.ToName(), false);
            await ChallengeAsync(http, mode, stale: false);
            return null;
        }

        var verdict = await VerifyAsync(http, authorization, login, mode, ct);
        switch (verdict.Kind)
        {
            case CpeVerdictKind.Stale:
                CpeAuthLog.Challenged(_logger, identity.Key, remote, mode.ToName(), true);
                await ChallengeAsync(http, mode, stale: true);
                return null;
            case CpeVerdictKind.Replayed:
                CpeAuthLog.Replayed(_logger, identity.Key, remote);
                await ChallengeAsync(http, mode, stale: true);
                return null;
            case CpeVerdictKind.Refused:
                Interlocked.Increment(ref _counters.AuthFailures);
                CpeAuthLog.Refused(_logger, identity.Key, remote, authorization.Username, verdict.Reason);
                await ChallengeAsync(http, mode, stale: false);
                return null;
        }

        var owner = login!;
        if (known is not null)
        {
            return known.DeviceId == owner.DeviceId
                ? new AdmittedDevice(known.DeviceId, known.TenantId)
                : await ForbidAsync(http, identity, remote, authorization.Username, owner.DeviceId, $"is not {identity.Protocol}:{identity.Key} (device {known.DeviceId})");
        }

        // a device pre-registered with credentials takes the identity of its first authenticated Inform
        return await store.ClaimIdentityAsync(owner.DeviceId, identity, ct)
            ? new AdmittedDevice(owner.DeviceId, owner.TenantId)
            : await ForbidAsync(http, identity, remote, authorization.Username, owner.DeviceId, $"has another {identity.Protocol} identity");
    }

    private async Task<CpeVerdict> VerifyAsync(HttpContext http, CpeAuthorization authorization, CpeLogin? login, CpeAuthMode mode, CancellationToken ct)
    {
        if (!authorization.IsBasic && !authorization.IsDigest)
        {
            return CpeVerdict.Refused("the Authorization header is neither Basic nor Digest, or does not parse");
        }

        if (authorization.IsBasic && mode == CpeAuthMode.Digest)
        {
            return CpeVerdict.Refused("Basic credentials where Digest is required");
        }

        if (login is null)
        {
            return CpeVerdict.Refused("no device has this user name"); // no decoy PBKDF2: CPE user names are serial-like, not secret
        }

        var current = CpeSecrets.IsCurrent(login.SealedPassword, login.HashFingerprint, login.PasswordHash);
        var password = current ? _services.CpeAuth.Secrets.Open(login.SealedPassword!, CpeSecrets.Purpose) : null;
        return authorization.IsBasic
            ? await VerifyBasicAsync(authorization, login, password, ct)
            : VerifyDigest(http, authorization, password);
    }

    private async Task<CpeVerdict> VerifyBasicAsync(CpeAuthorization authorization, CpeLogin login, string? password, CancellationToken ct)
    {
        var given = authorization.Password!;
        bool matches;
        if (password is not null)
        {
            matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(password));
        }
        else if (!_verdicts.TryGet(authorization.Username, given, login.PasswordHash, out matches))
        {
            matches = await _services.CpeAuth.Passwords.VerifyAsync(given, login.PasswordHash, ct);
            _verdicts.Add(authorization.Username, given, login.PasswordHash, matches);
        }

        return matches ? CpeVerdict.Accepted : CpeVerdict.Refused("wrong password (Basic)");
    }

    private CpeVerdict VerifyDigest(HttpContext http, CpeAuthorization a, string? password)
    {
        var algorithm = DigestHash.Canonical(a["algorithm"]);
        var (nonce, nc, cnonce, uri, response) = (a["nonce"], a["nc"], a["cnonce"], a["uri"], a["response"]);
        if (a["realm"] != Realm)
        {
            return CpeVerdict.Refused($"Digest realm '{a["realm"]}' is not '{Realm}'");
        }

        if (algorithm is null)
        {
            return CpeVerdict.Refused($"Digest algorithm '{a["algorithm"]}' is not MD5 or SHA-256 (or -sess)");
        }

        if (a["qop"] != "auth" || nonce is null || cnonce is not { Length: > 0 } || uri is null || response is null || nc is not { Length: 8 } || !nc.All(char.IsAsciiHexDigit))
        {
            return CpeVerdict.Refused("a Digest answer without qop=auth, nonce, nc, cnonce, uri or response");
        }

        if (!SameTarget(uri, http.Request))
        {
            return CpeVerdict.Refused($"Digest uri '{uri}' is not the request's");
        }

        if (password is null)
        {
            return CpeVerdict.Refused("the device has no Digest secret (set its password through the CPE authentication route)");
        }

        var expected = DigestHash.Response(algorithm, a.Username, Realm, password, http.Request.Method, uri, nonce, nc, cnonce, "auth");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant())))
        {
            return CpeVerdict.Refused("wrong password (Digest)");
        }

        // the password is right: a nonce that is old or of an earlier run is only stale (RFC 7616 §3.3)
        if (_nonces.Check(nonce) != DigestNonceCheck.Fresh)
        {
            return CpeVerdict.Stale;
        }

        return _replays.TryRecord(nonce, nc, cnonce) ? CpeVerdict.Accepted : CpeVerdict.Replayed;
    }

    /// <summary>The Digest <c>uri</c> names the request's target: its path and query, or an absolute URI with them.</summary>
    private static bool SameTarget(string uri, HttpRequest request)
    {
        var target = request.PathBase + request.Path + request.QueryString;
        var given = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.PathAndQuery : uri;
        return string.Equals(given, target.Length == 0 ? "/" : target, StringComparison.Ordinal);
    }

    /// <summary>401 with the challenges of <paramref name="mode"/>: Basic, or Digest SHA-256 then MD5 (RFC 7616 §3.7: in order of preference).</summary>
    private Task ChallengeAsync(HttpContext http, CpeAuthMode mode, bool stale)
    {
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (mode == CpeAuthMode.Basic)
        {
            http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        }
        else
        {
            var nonce = _nonces.Issue();
            var tail = $"qop=\"auth\", nonce=\"{nonce}\", opaque=\"{_opaque}\"{(stale ? ", stale=true" : "")}";
            http.Response.Headers.WWWAuthenticate = new([
                $"Digest realm=\"{Realm}\", algorithm=SHA-256, {tail}",
                $"Digest realm=\"{Realm}\", algorithm=MD5, {tail}",
            ]);
        }

        http.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private async Task<AdmittedDevice?> ForbidAsync(HttpContext http, DeviceIdentity identity, string remote, string user, long owner, string why)
    {
        Interlocked.Increment(ref _counters.AuthFailures);
        CpeAuthLog.Mismatch(_logger, identity.Key, remote, user, owner, why);
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync("these credentials belong to another device\n", http.RequestAborted);
        return null;
    }
}
