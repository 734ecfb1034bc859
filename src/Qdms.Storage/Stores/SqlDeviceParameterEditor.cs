using Dapper;
using Qdms.Core.Devices;

namespace Qdms.Storage.Stores;

/// <summary>
/// Deletes a parameter or a subtree by an exact prefix comparison (<c>substr</c>, as <see cref="SqlDeviceParameterStore"/>
/// lists), so <c>_</c> and <c>%</c> in TR-069 names (<c>X_VENDOR_…</c>) are not LIKE wildcards; upserts values leaving the
/// writable flag of known rows alone.
/// </summary>
internal sealed class SqlDeviceParameterEditor(QdmsDb db) : IDeviceParameterEditor
{
    public async Task<int> RemoveAsync(long deviceId, string path, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var sql = path.EndsWith('.')
            ? "DELETE FROM device_parameters WHERE device_id = @deviceId AND substr(path, 1, @length) = @path"
            : "DELETE FROM device_parameters WHERE device_id = @deviceId AND path = @path";
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(sql, new { deviceId, path, length = path.Length }, cancellationToken: ct));
    }

    public Task UpsertValuesAsync(long deviceId, IReadOnlyList<DeviceParameter> parameters, CancellationToken ct) =>
        SqlDeviceParameterStore.UpsertAsync(db, deviceId, parameters, updateWritable: false, ct);
}
