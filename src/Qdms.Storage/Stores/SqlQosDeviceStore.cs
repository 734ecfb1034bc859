using Dapper;
using Qdms.Core.Qos;

namespace Qdms.Storage.Stores;

/// <summary>The QoS evaluator's device list and system names; only changed rows are written on each organizer pass.</summary>
internal sealed class SqlQosDeviceStore(QdmsDb db) : IQosDeviceStore
{
    public async Task<QosSyncResult> SyncAsync(IReadOnlyList<QosTrackedDevice> present, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var known = (await c.QueryAsync<DeviceRow>(new CommandDefinition(
                "SELECT device_id AS DeviceId, address AS Address, augmented AS Augmented, present AS Present FROM qos_devices", transaction: tx, cancellationToken: ct)))
            .ToDictionary(r => r.DeviceId);
        var systems = (await c.QueryAsync<SystemRow>(new CommandDefinition(
                "SELECT device_id AS DeviceId, tenant_id AS TenantId, name AS Name FROM qos_systems", transaction: tx, cancellationToken: ct)))
            .Select(s => (s.DeviceId, s.Name)).ToHashSet();

        var presentIds = present.Select(d => d.DeviceId).ToHashSet();
        var removedDevices = known.Values.Where(k => k.Present && !presentIds.Contains(k.DeviceId)).Select(k => k.DeviceId).ToList();
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE qos_devices SET present = @no WHERE device_id = @id", removedDevices.Select(id => new { id, no = false }), tx, cancellationToken: ct));

        var changed = present.Where(d => !known.TryGetValue(d.DeviceId, out var k) || !k.Present || k.Address != d.Address || k.Augmented != Join(d.AugmentedGroups)).ToList();
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO qos_devices (device_id, tenant_id, address, augmented, present, last_active_at)
            VALUES (@DeviceId, @TenantId, @Address, @Augmented, @Yes, @At)
            ON CONFLICT (device_id) DO UPDATE SET tenant_id = excluded.tenant_id, address = excluded.address,
                augmented = excluded.augmented, present = excluded.present, last_active_at = excluded.last_active_at
            """,
            changed.Select(d => new { d.DeviceId, d.TenantId, d.Address, Augmented = Join(d.AugmentedGroups), Yes = true, At = Time.ToDb(now) }),
            tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE qos_devices SET last_active_at = @at WHERE present = @yes", new { at = Time.ToDb(now), yes = true }, tx, cancellationToken: ct));

        var wanted = present.SelectMany(d => d.Systems.Select(s => (d.DeviceId, d.TenantId, Name: s))).ToList();
        var wantedKeys = wanted.Select(w => (w.DeviceId, w.Name)).ToHashSet();
        var removedSystems = systems.Where(s => !wantedKeys.Contains(s)).ToList();
        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM qos_systems WHERE device_id = @DeviceId AND name = @Name",
            removedSystems.Select(s => new { s.DeviceId, s.Name }), tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO qos_systems (device_id, tenant_id, name) VALUES (@DeviceId, @TenantId, @Name)",
            wanted.Where(w => !systems.Contains((w.DeviceId, w.Name))).Select(w => new { w.DeviceId, w.TenantId, w.Name }), tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new QosSyncResult(present.Count, wanted.Count, removedDevices.Count, removedSystems.Count);
    }

    public async Task MarkActiveAsync(IReadOnlyCollection<long> deviceIds, DateTimeOffset now, CancellationToken ct)
    {
        if (deviceIds.Count == 0)
        {
            return;
        }

        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE qos_devices SET last_active_at = @at WHERE device_id = @id AND last_active_at < @at",
            deviceIds.Select(id => new { id, at = Time.ToDb(now) }), tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<int> ForgetInactiveAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM qos_devices
            WHERE present = @no AND last_active_at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM measurements m WHERE m.device_id = qos_devices.device_id)
            """,
            new { no = false, cutoff = Time.ToDb(cutoff) }, cancellationToken: ct));
    }

    public async Task<IReadOnlyDictionary<long, bool>> ListKnownAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<DeviceRow>(new CommandDefinition(
            "SELECT device_id AS DeviceId, address AS Address, augmented AS Augmented, present AS Present FROM qos_devices", cancellationToken: ct));
        return rows.ToDictionary(r => r.DeviceId, r => r.Present);
    }

    private static string Join(IReadOnlyList<string> groups) => string.Join(',', groups);

    private sealed class DeviceRow
    {
        public long DeviceId { get; set; }
        public string Address { get; set; } = "";
        public string Augmented { get; set; } = "";
        public bool Present { get; set; }
    }

    private sealed class SystemRow
    {
        public long DeviceId { get; set; }
        public long TenantId { get; set; }
        public string Name { get; set; } = "";
    }
}
