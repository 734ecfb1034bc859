using Dapper;
using Qdms.Core.Devices;

namespace Qdms.Storage.Stores;

/// <summary>Parameters under the primary key (device_id, path); upserts of a batch share one transaction.</summary>
internal sealed class SqlDeviceParameterStore(QdmsDb db) : IDeviceParameterStore
{
    public async Task<IReadOnlyList<DeviceParameter>> ListAsync(long deviceId, string? prefix, CancellationToken ct)
    {
        var sql = "SELECT device_id AS DeviceId, path AS Path, value AS Value, type AS Type, writable AS Writable, updated_at AS UpdatedAt FROM device_parameters WHERE device_id = @deviceId";
        if (prefix is not null)
        {
            sql += " AND substr(path, 1, @length) = @prefix";
        }

        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(sql, new { deviceId, prefix, length = prefix?.Length ?? 0 }, cancellationToken: ct));
        return rows.Select(r => r.ToParameter()).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
    }

    public Task UpsertAsync(long deviceId, IReadOnlyList<DeviceParameter> parameters, CancellationToken ct) =>
        UpsertAsync(db, deviceId, parameters, updateWritable: true, ct);

    /// <summary>
    /// Writes a batch in one transaction. <paramref name="updateWritable"/> false keeps the writable flag of rows that exist
    /// (a value write does not learn writability); new rows take the batch's flag either way.
    /// </summary>
    internal static async Task UpsertAsync(QdmsDb db, long deviceId, IReadOnlyList<DeviceParameter> parameters, bool updateWritable, CancellationToken ct)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        var writable = updateWritable ? " writable = excluded.writable," : "";
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO device_parameters (device_id, path, value, type, writable, updated_at)
            VALUES (@deviceId, @Path, @Value, @Type, @Writable, @at)
            ON CONFLICT (device_id, path) DO UPDATE SET value = excluded.value, type = excluded.type,{writable} updated_at = excluded.updated_at
            """,
            parameters.Select(p => new { deviceId, p.Path, p.Value, p.Type, p.Writable, at = Time.ToDb(p.UpdatedAt) }),
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private sealed class Row
    {
        public long DeviceId { get; set; }
        public string Path { get; set; } = "";
        public string? Value { get; set; }
        public string Type { get; set; } = "";
        public bool Writable { get; set; }
        public long UpdatedAt { get; set; }

        public DeviceParameter ToParameter() => new(DeviceId, Path, Value, Type, Writable, Time.FromDb(UpdatedAt));
    }
}
