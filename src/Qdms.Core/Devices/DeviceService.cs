using Microsoft.Extensions.Options;
using Qdms.Core.Audit;
using Qdms.Core.Auth;
using Qdms.Core.Devices.Csv;
using Qdms.Core.Errors;
using Qdms.Core.Paging;
using Qdms.Core.Security;
using Qdms.Core.Tenants;

namespace Qdms.Core.Devices;

/// <summary>The device inventory for people: viewers read, operators create and edit, admins delete. Every change is audited.</summary>
public sealed class DeviceService(
    IDeviceStore devices,
    IDeviceParameterStore parameters,
    ITenantStore tenants,
    DefaultTenant defaultTenant,
    AuditLog audit,
    IOptions<AuthOptions> authOptions,
    TimeProvider time)
{
    /// <summary>At most this many devices per export chunk read from the store.</summary>
    public const int ExportChunk = 500;

    public Task<Page<Device>> ListAsync(Caller caller, DeviceQuery query, PageRequest page, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return devices.ListAsync(caller.Scope, Validate(query), page, ct);
    }

    /// <summary>Every matching device in id order, read from the store in chunks so an export never holds the whole inventory.</summary>
    public async IAsyncEnumerable<Device> ExportAsync(Caller caller, DeviceQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var q = PrepareExport(caller, query);
        long after = 0;
        while (true)
        {
            var chunk = await devices.ListAfterAsync(caller.Scope, q, after, ExportChunk, ct);
            foreach (var d in chunk)
            {
                yield return d;
            }

            if (chunk.Count < ExportChunk)
            {
                yield break;
            }

            after = chunk[^1].Id;
        }
    }

    /// <summary>Checks the caller and the filters of an export before the first byte is written.</summary>
    public DeviceQuery PrepareExport(Caller caller, DeviceQuery query)
    {
        caller.Require(Role.Viewer);
        return Validate(query);
    }

    /// <summary>The caller's devices counted by status (viewers and up).</summary>
    public Task<IReadOnlyDictionary<DeviceStatus, long>> CountByStatusAsync(Caller caller, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return devices.CountByStatusAsync(caller.Scope, ct);
    }

    public async Task<Device> GetAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return await devices.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("device", id);
    }

    public async Task<IReadOnlyList<DeviceParameter>> ListParametersAsync(Caller caller, long id, string? prefix, CancellationToken ct)
    {
        await GetAsync(caller, id, ct);
        return await parameters.ListAsync(id, string.IsNullOrEmpty(prefix) ? null : prefix, ct);
    }

    /// <summary>Pre-provisions a device. A sysop may name the tenant (default: the default tenant); others create in their own.</summary>
    public async Task<Device> CreateAsync(Caller caller, DeviceDraft draft, long? tenantId, DeviceCredentials? credentials, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var clean = DeviceRules.Draft(draft);
        var creds = Validate(credentials);
        var tenant = await TenantForNewAsync(caller, tenantId, ct);
        var now = time.GetUtcNow();
        var device = await devices.CreateAsync(tenant, clean, now, ct, creds?.Username, creds is null ? null : PasswordHasher.Hash(creds.Password, authOptions.Value.PasswordIterations));

        await audit.RecordAsync(caller, "device.create", $"device/{device.Id}", tenant, $"{device.Name} ({string.Join(';', device.Identities)})", ct);
        return device;
    }

    /// <summary>Edits name, tags, groups and address; sets or removes HTTP Basic credentials.</summary>
    public async Task<Device> UpdateAsync(Caller caller, long id, DeviceChange change, DeviceCredentials? credentials, bool removeCredentials, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var device = await devices.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("device", id);
        if (credentials is not null && removeCredentials)
        {
            throw new ValidationException("credentials", "Give either credentials or removeCredentials, not both.");
        }

        var creds = Validate(credentials);
        var updated = device with
        {
            Name = change.Name is null ? device.Name : DeviceRules.Name(change.Name),
            Tags = change.Tags is null ? device.Tags : DeviceRules.Tags(change.Tags),
            ProvisionGroup = change.ProvisionGroup is null ? device.ProvisionGroup : DeviceRules.Text(change.ProvisionGroup, "provisionGroup"),
            UpdateGroup = change.UpdateGroup is null ? device.UpdateGroup : DeviceRules.Text(change.UpdateGroup, "updateGroup"),
            Address = change.Address is null ? device.Address : DeviceRules.Text(change.Address, "address"),
        };
        // Credentials first: a taken user name (409) then leaves the device exactly as it was.
        var now = time.GetUtcNow();
        var details = new List<string>();
        if (creds is not null)
        {
            await devices.SetCredentialsAsync(id, creds.Username, PasswordHasher.Hash(creds.Password, authOptions.Value.PasswordIterations), now, ct);
            details.Add("credentials set");
        }
        else if (removeCredentials)
        {
            await devices.SetCredentialsAsync(id, null, null, now, ct);
            details.Add("credentials removed");
        }

        if (!await devices.UpdateAsync(updated, now, ct))
        {
            throw NotFoundException.For("device", id);
        }

        if (change.Name is not null)
        {
            details.Add($"name={updated.Name}");
        }

        if (change.Tags is not null)
        {
            details.Add($"tags={string.Join(';', updated.Tags)}");
        }

        if (change.ProvisionGroup is not null)
        {
            details.Add($"provisionGroup={updated.ProvisionGroup}");
        }

        if (change.UpdateGroup is not null)
        {
            details.Add($"updateGroup={updated.UpdateGroup}");
        }

        if (change.Address is not null)
        {
            details.Add($"address={updated.Address}");
        }

        await audit.RecordAsync(caller, "device.update", $"device/{id}", device.TenantId, string.Join(", ", details), ct);
        return (await devices.GetAsync(id, caller.Scope, ct)) ?? updated;
    }

    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Admin);
        var device = await devices.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("device", id);
        if (!await devices.DeleteAsync(id, caller.Scope, ct))
        {
            throw NotFoundException.For("device", id);
        }

        await audit.RecordAsync(caller, "device.delete", $"device/{id}", device.TenantId, device.Name, ct);
    }

    /// <summary>Imports a CSV (see <see cref="DeviceCsv"/>) into one tenant in one transaction: every row or none.</summary>
    public async Task<DeviceImportResult> ImportAsync(Caller caller, TextReader csv, long? tenantId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var tenant = await TenantForNewAsync(caller, tenantId, ct);
        var rows = DeviceCsv.Parse(csv);
        var result = await devices.ImportAsync(tenant, rows, time.GetUtcNow(), ct);
        await audit.RecordAsync(caller, "device.import", $"tenant/{tenant}", tenant, $"created={result.Created} updated={result.Updated}", ct);
        return result;
    }

    private async Task<long> TenantForNewAsync(Caller caller, long? tenantId, CancellationToken ct)
    {
        var tenant = caller.TenantForNew(tenantId, defaultTenant.Id);
        if (await tenants.GetAsync(tenant, ct) is null)
        {
            throw new ValidationException("tenantId", $"Tenant {tenant} does not exist.");
        }

        return tenant;
    }

    private DeviceCredentials? Validate(DeviceCredentials? credentials)
    {
        if (credentials is null)
        {
            return null;
        }

        var username = credentials.Username?.Trim() ?? "";
        if (username.Length is 0 or > 128 || username.Any(c => char.IsControl(c) || c == ':'))
        {
            throw new ValidationException("credentials.username", "credentials.username must be 1–128 characters without ':' or control characters (HTTP Basic).");
        }

        if (string.IsNullOrEmpty(credentials.Password) || credentials.Password.Length < 8 || credentials.Password.Length > 256)
        {
            throw new ValidationException("credentials.password", "credentials.password must be 8–256 characters.");
        }

        return credentials with { Username = username };
    }

    private static DeviceQuery Validate(DeviceQuery q) => q with
    {
        Search = string.IsNullOrWhiteSpace(q.Search) ? null : DeviceRules.Text(q.Search, "q"),
        Protocol = string.IsNullOrWhiteSpace(q.Protocol) ? null : DeviceRules.Protocol(q.Protocol),
        Group = string.IsNullOrWhiteSpace(q.Group) ? null : DeviceRules.Text(q.Group, "group"),
        Tag = string.IsNullOrWhiteSpace(q.Tag) ? null : DeviceRules.Tags([q.Tag], "tag")[0],
    };
}
