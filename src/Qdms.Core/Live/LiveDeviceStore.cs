using Qdms.Core.Devices;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Core.Live;

/// <summary>The device store, publishing each contact an engine records (last contact, and the status when the report has one).</summary>
internal sealed class LiveDeviceStore(IDeviceStore inner, LiveHub hub, DeviceTenants tenants) : IDeviceStore
{
    public Task<Page<Device>> ListAsync(TenantScope scope, DeviceQuery query, PageRequest page, CancellationToken ct) => inner.ListAsync(scope, query, page, ct);

    public Task<IReadOnlyList<Device>> ListAfterAsync(TenantScope scope, DeviceQuery query, long afterId, int limit, CancellationToken ct) =>
        inner.ListAfterAsync(scope, query, afterId, limit, ct);

    public Task<Device?> GetAsync(long id, TenantScope scope, CancellationToken ct) => inner.GetAsync(id, scope, ct);

    public Task<IReadOnlyDictionary<DeviceStatus, long>> CountByStatusAsync(TenantScope scope, CancellationToken ct) => inner.CountByStatusAsync(scope, ct);

    public Task<Device?> FindByIdentityAsync(DeviceIdentity identity, CancellationToken ct) => inner.FindByIdentityAsync(identity, ct);

    public Task<Device> CreateAsync(long tenantId, DeviceDraft draft, DateTimeOffset now, CancellationToken ct, string? username = null, string? passwordHash = null) =>
        inner.CreateAsync(tenantId, draft, now, ct, username, passwordHash);

    public Task<DeviceResolution> FindOrCreateAsync(long tenantId, DeviceIdentity identity, DeviceDraft draft, DateTimeOffset now, CancellationToken ct) =>
        inner.FindOrCreateAsync(tenantId, identity, draft, now, ct);

    public Task<bool> UpdateAsync(Device device, DateTimeOffset now, CancellationToken ct) => inner.UpdateAsync(device, now, ct);

    public async Task<bool> RecordContactAsync(long deviceId, DeviceReport report, DateTimeOffset now, CancellationToken ct)
    {
        var recorded = await inner.RecordContactAsync(deviceId, report, now, ct);
        if (recorded && hub.HasSubscribers && await TenantOfAsync(tenants, deviceId) is { } tenant)
        {
            hub.Publish(new DeviceChanged(deviceId, tenant, report.Status, now));
        }

        return recorded;
    }

    public Task SetCredentialsAsync(long deviceId, string? username, string? passwordHash, DateTimeOffset now, CancellationToken ct) =>
        inner.SetCredentialsAsync(deviceId, username, passwordHash, now, ct);

    public Task<DeviceCredentialRecord?> FindCredentialsAsync(string username, CancellationToken ct) => inner.FindCredentialsAsync(username, ct);

    public Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct) => inner.DeleteAsync(id, scope, ct);

    public Task<DeviceImportResult> ImportAsync(long tenantId, IReadOnlyList<DeviceImportRow> rows, DateTimeOffset now, CancellationToken ct) =>
        inner.ImportAsync(tenantId, rows, now, ct);

    public Task<int> BulkInsertAsync(long tenantId, IReadOnlyList<DeviceDraft> drafts, DateTimeOffset now, CancellationToken ct) =>
        inner.BulkInsertAsync(tenantId, drafts, now, ct);

    /// <summary>The device's tenant for a change already written: never throws, never cancelled by the writer's caller.</summary>
    internal static async ValueTask<long?> TenantOfAsync(DeviceTenants tenants, long deviceId)
    {
        try
        {
            return await tenants.FindAsync(deviceId, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // live messages are best effort; the device list stays the truth
        }
    }
}
