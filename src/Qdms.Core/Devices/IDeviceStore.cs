using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Core.Devices;

/// <summary>The device inventory: devices, their identities, tags and credentials.</summary>
public interface IDeviceStore
{
    /// <summary>One page of the devices in <paramref name="scope"/> that match <paramref name="query"/>, ordered by id, with the total.</summary>
    Task<Page<Device>> ListAsync(TenantScope scope, DeviceQuery query, PageRequest page, CancellationToken ct);

    /// <summary>Up to <paramref name="limit"/> matching devices with an id above <paramref name="afterId"/>, ordered by id (keyset paging for exports).</summary>
    Task<IReadOnlyList<Device>> ListAfterAsync(TenantScope scope, DeviceQuery query, long afterId, int limit, CancellationToken ct);

    Task<Device?> GetAsync(long id, TenantScope scope, CancellationToken ct);

    /// <summary>How many devices the scope holds in each status (statuses with none are left out).</summary>
    Task<IReadOnlyDictionary<DeviceStatus, long>> CountByStatusAsync(TenantScope scope, CancellationToken ct);

    /// <summary>The device that owns an identity, in any tenant (engines resolve devices before they know the tenant).</summary>
    Task<Device?> FindByIdentityAsync(DeviceIdentity identity, CancellationToken ct);

    /// <summary>
    /// Creates a device with its identities and, when given, its HTTP Basic user name and password hash, all in one transaction;
    /// <see cref="Errors.ConflictException"/> when an identity already belongs to a device or the user name is taken.
    /// </summary>
    Task<Device> CreateAsync(long tenantId, DeviceDraft draft, DateTimeOffset now, CancellationToken ct, string? username = null, string? passwordHash = null);

    /// <summary>
    /// The device owning <paramref name="identity"/>, created in <paramref name="tenantId"/> from <paramref name="draft"/> when there is none.
    /// Safe under concurrency: many callers with one identity get one device.
    /// </summary>
    Task<DeviceResolution> FindOrCreateAsync(long tenantId, DeviceIdentity identity, DeviceDraft draft, DateTimeOffset now, CancellationToken ct);

    /// <summary>Writes the operator-editable fields of <paramref name="device"/> (name, tags, groups, address). False when it is gone.</summary>
    Task<bool> UpdateAsync(Device device, DateTimeOffset now, CancellationToken ct);

    /// <summary>Applies an engine's report and sets the last contact to <paramref name="now"/>. False when the device is gone.</summary>
    Task<bool> RecordContactAsync(long deviceId, DeviceReport report, DateTimeOffset now, CancellationToken ct);

    /// <summary>Sets (hash not null) or removes (both null) the device's HTTP Basic credentials; <see cref="Errors.ConflictException"/> when the user name is taken.</summary>
    Task SetCredentialsAsync(long deviceId, string? username, string? passwordHash, DateTimeOffset now, CancellationToken ct);

    Task<DeviceCredentialRecord?> FindCredentialsAsync(string username, CancellationToken ct);

    /// <summary>Deletes a device with its identities, tags, parameters and tasks. False when it is not in scope.</summary>
    Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct);

    /// <summary>
    /// Creates or updates (matched by identity) every row in one transaction: all or nothing. An identity owned by another tenant's
    /// device, or identities of one row spread over two devices, fail the whole import with the row's line.
    /// </summary>
    Task<DeviceImportResult> ImportAsync(long tenantId, IReadOnlyList<DeviceImportRow> rows, DateTimeOffset now, CancellationToken ct);

    /// <summary>Inserts many new devices fast in one transaction (seeding, benchmarks). Returns how many were inserted.</summary>
    Task<int> BulkInsertAsync(long tenantId, IReadOnlyList<DeviceDraft> drafts, DateTimeOffset now, CancellationToken ct);
}
