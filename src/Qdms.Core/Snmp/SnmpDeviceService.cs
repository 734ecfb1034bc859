using Qdms.Core.Audit;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Core.Snmp;

/// <summary>
/// SNMP devices for people: read the settings (viewers, secrets shown only as set or not), write and remove them (operators),
/// create a device with its settings and profiles in one call. Secrets are sealed with <see cref="SecretBox"/> before they reach a store.
/// </summary>
public sealed class SnmpDeviceService(
    IDeviceStore devices,
    ISnmpDeviceStore settings,
    ISnmpProfileStore profiles,
    DeviceService deviceService,
    SecretBox secrets,
    SnmpInventorySignal signal,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>The <see cref="SecretBox"/> purposes of the sealed fields.</summary>
    public const string CommunityPurpose = "snmp.community";
    public const string AuthPurpose = "snmp.auth";
    public const string PrivPurpose = "snmp.priv";

    public async Task<SnmpSettingsView> GetAsync(Caller caller, long deviceId, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        _ = await devices.GetAsync(deviceId, caller.Scope, ct) ?? throw NotFoundException.For("device", deviceId);
        var s = await settings.GetAsync(deviceId, caller.Scope, ct) ?? throw new NotFoundException($"device '{deviceId}' has no SNMP settings.");
        return SnmpSettingsView.Of(s);
    }

    public async Task<SnmpSettingsView> PutAsync(Caller caller, long deviceId, SnmpSettingsInput input, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var device = await devices.GetAsync(deviceId, caller.Scope, ct) ?? throw NotFoundException.For("device", deviceId);
        var existing = await settings.GetAsync(deviceId, caller.Scope, ct);
        var now = time.GetUtcNow();
        var next = Build(device, input, existing, now);
        await settings.UpsertAsync(next, now, ct);
        await audit.RecordAsync(caller, "snmp.settings", $"device/{deviceId}", device.TenantId, Describe(next), ct);
        signal.Notify();
        return SnmpSettingsView.Of(next);
    }

    public async Task DeleteAsync(Caller caller, long deviceId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var device = await devices.GetAsync(deviceId, caller.Scope, ct) ?? throw NotFoundException.For("device", deviceId);
        if (!await settings.DeleteAsync(deviceId, caller.Scope, ct))
        {
            throw new NotFoundException($"device '{deviceId}' has no SNMP settings.");
        }

        await audit.RecordAsync(caller, "snmp.settings.delete", $"device/{deviceId}", device.TenantId, null, ct);
        signal.Notify();
    }

    /// <summary>
    /// Creates a device with the identity <c>snmp:host:port</c>, its settings and its profile assignments. Everything is checked
    /// before anything is written; should a later write fail, the new device is deleted again.
    /// </summary>
    public async Task<(Device Device, SnmpSettingsView Settings)> CreateDeviceAsync(
        Caller caller, string? name, SnmpSettingsInput input, IReadOnlyList<string>? tags, IReadOnlyList<string>? profileNames, long? tenantId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var host = SnmpRules.Host(input.Host);
        var port = SnmpRules.Port(input.Port);
        var key = SnmpDeviceSettings.IdentityKeyOf(host, port);
        var probe = new Device(0, caller.TenantForNew(tenantId, 0), key, null, null, null, null, host, null, DeviceStatus.Unknown, [], null, null, null, default, default, []);
        _ = Build(probe, input, null, time.GetUtcNow()); // validate first: a bad setting creates nothing
        var wanted = (profileNames ?? []).Select((p, i) => SnmpRules.Name(p, $"profiles[{i}]")).Distinct(StringComparer.Ordinal).ToList();

        var device = await deviceService.CreateAsync(caller, new DeviceDraft(string.IsNullOrWhiteSpace(name) ? key : name, [new DeviceIdentity("snmp", key)], Address: host, Tags: tags), tenantId, null, ct);
        try
        {
            foreach (var (profile, i) in wanted.Select((p, i) => (p, i)))
            {
                if (SnmpBuiltInProfiles.Find(profile) is null && await profiles.GetAsync(device.TenantId, profile, ct) is null)
                {
                    throw new ValidationException($"profiles[{i}]", $"there is no profile '{profile}' (built-in: {string.Join(", ", SnmpBuiltInProfiles.All.Select(p => p.Name))}).");
                }
            }

            var now = time.GetUtcNow();
            var s = Build(device, input, null, now);
            await settings.UpsertAsync(s, now, ct);
            foreach (var profile in wanted)
            {
                await profiles.AssignAsync(device.TenantId, profile, device.Id, null, now, ct);
            }

            await audit.RecordAsync(caller, "snmp.settings", $"device/{device.Id}", device.TenantId, Describe(s), ct);
            signal.Notify();
            return (device, SnmpSettingsView.Of(s));
        }
        catch
        {
            await devices.DeleteAsync(device.Id, TenantScope.All, CancellationToken.None);
            throw;
        }
    }

    private SnmpDeviceSettings Build(Device device, SnmpSettingsInput input, SnmpDeviceSettings? existing, DateTimeOffset now)
    {
        var host = SnmpRules.Host(input.Host ?? existing?.Host);
        var port = SnmpRules.Port(input.Port ?? existing?.Port);
        var version = input.Version is null && existing is not null ? existing.Version : SnmpNames.ParseVersion(input.Version);
        var contextName = Devices.DeviceRules.Text(input.ContextName ?? existing?.ContextName, "contextName", SnmpRules.MaxUserNameLength);
        var engineId = input.EngineId is null ? existing?.EngineId : SnmpRules.EngineId(input.EngineId);
        if (version != SnmpDeviceVersion.V3)
        {
            var community = Keep(input.Community, existing?.SealedCommunity, "community", 1, SnmpRules.MaxCommunityLength, CommunityPurpose)
                ?? throw new ValidationException("community", $"an SNMPv{SnmpNames.Name(version)} device needs a community.");
            return new SnmpDeviceSettings(device.Id, device.TenantId, host, port, version, community, null, "none", null, "none", null, contextName, engineId, now);
        }

        var user = input.UserName?.Trim() ?? existing?.UserName;
        if (string.IsNullOrEmpty(user) || user.Length > SnmpRules.MaxUserNameLength || user.Any(char.IsControl))
        {
            throw new ValidationException("user.name", $"an SNMPv3 device needs a user name of 1–{SnmpRules.MaxUserNameLength} characters.");
        }

        var auth = SnmpNames.Protocol(input.AuthProtocol ?? existing?.AuthProtocol, SnmpNames.AuthProtocols, "user.authProtocol");
        var priv = SnmpNames.Protocol(input.PrivProtocol ?? existing?.PrivProtocol, SnmpNames.PrivProtocols, "user.privProtocol");
        if (auth == "none" && priv != "none")
        {
            throw new ValidationException("user.privProtocol", "privacy needs authentication: set user.authProtocol too (USM has no noAuthPriv level).");
        }

        var authPassword = auth == "none" ? null : Keep(input.AuthPassword, existing?.SealedAuthPassword, "user.authPassword", SnmpRules.MinPasswordLength, SnmpRules.MaxPasswordLength, AuthPurpose)
            ?? throw new ValidationException("user.authPassword", $"user.authPassword is needed with {auth}.");
        var privPassword = priv == "none" ? null : Keep(input.PrivPassword, existing?.SealedPrivPassword, "user.privPassword", SnmpRules.MinPasswordLength, SnmpRules.MaxPasswordLength, PrivPurpose)
            ?? throw new ValidationException("user.privPassword", $"user.privPassword is needed with {priv}.");
        return new SnmpDeviceSettings(device.Id, device.TenantId, host, port, version, null, user, auth, authPassword, priv, privPassword, contextName, engineId, now);
    }

    /// <summary>A new secret sealed, the stored one kept (null given), or none ("" given).</summary>
    private string? Keep(string? given, string? stored, string field, int min, int max, string purpose) => given switch
    {
        null => stored,
        "" => null,
        _ => secrets.Seal(SnmpRules.Secret(given, field, min, max), purpose),
    };

    private static string Describe(SnmpDeviceSettings s) =>
        $"{s.IdentityKey} v{SnmpNames.Name(s.Version)}" + (s.UserName is null ? "" : $" user={s.UserName} auth={s.AuthProtocol} priv={s.PrivProtocol}");
}
