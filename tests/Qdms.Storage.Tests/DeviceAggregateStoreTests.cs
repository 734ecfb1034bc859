using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Security;
using Qdms.Storage.Stores;
using Qdms.Testing;
using static Qdms.Storage.Tests.DeviceTestData;

namespace Qdms.Storage.Tests;

/// <summary>The dashboard's summary (<see cref="SqlDeviceAggregateStore.SummarizeAsync"/>): exact counts, read from indexes alone.</summary>
public abstract class DeviceAggregateStoreTests(TestDatabase database)
{
    private readonly SqlDeviceStore _devices = new(database.Db);
    private readonly SqlDeviceAggregateStore _store = new(database.Db);

    [Fact]
    public async Task The_summary_counts_a_tenants_devices_by_status_model_firmware_and_protocol()
    {
        var tenant = await NewTenantAsync(database.Db);
        var other = await NewTenantAsync(database.Db);
        var m = Unique();
        var a1 = await CreateAsync(tenant, "tr069", $"A-{m}", "1.0");
        await CreateAsync(tenant, "tr069", $"A-{m}", "1.0");
        await CreateAsync(tenant, "tr069", $"A-{m}", "2.0");
        var b = await CreateAsync(tenant, "snmp", $"B-{m}", "2.0");
        // Two identities: the device counts once for each protocol, once in the total; two lwm2m identities count once.
        await _devices.CreateAsync(tenant, new DeviceDraft("", [
            new DeviceIdentity("lwm2m", "ep-" + Unique()), new DeviceIdentity("lwm2m", "ep-" + Unique()), new DeviceIdentity("tr069", Unique())]), Now, default);
        await CreateAsync(other, "tr069", $"A-{m}", "1.0"); // another tenant's: never counted
        await _devices.RecordContactAsync(a1.Id, new DeviceReport(Status: DeviceStatus.Online), Now, default);
        await _devices.RecordContactAsync(b.Id, new DeviceReport(Status: DeviceStatus.Unreachable), Now, default);

        var s = await _store.SummarizeAsync(TenantScope.Of(tenant), 10, default);
        Assert.Equal(5, s.Total);
        Assert.Equal(new Dictionary<DeviceStatus, long> { [DeviceStatus.Unknown] = 3, [DeviceStatus.Online] = 1, [DeviceStatus.Unreachable] = 1 }, s.ByStatus);
        Assert.Equal([new("tr069", 4), new("lwm2m", 1), new("snmp", 1)], s.ByProtocol);
        Assert.Equal([new($"A-{m}", 3), new($"B-{m}", 1), new(null, 1)], s.ByModel);
        Assert.Equal([new("1.0", 2), new("2.0", 2), new(null, 1)], s.ByFirmwareVersion); // ties by key, the null group last

        var top = await _store.SummarizeAsync(TenantScope.Of(tenant), 1, default);
        Assert.Equal([new DeviceGroupCount($"A-{m}", 3)], top.ByModel);
        Assert.Equal([new DeviceGroupCount("tr069", 4)], top.ByProtocol);
        Assert.Equal(3, top.ByStatus.Count); // every status, whatever the limit
    }

    [Fact]
    public async Task The_summary_follows_every_write_at_once_and_a_sysop_counts_every_tenant()
    {
        var tenant = await NewTenantAsync(database.Db);
        var other = await NewTenantAsync(database.Db);
        var m = Unique();
        var first = await CreateAsync(tenant, "tr069", $"M-{m}", "1.0");
        await CreateAsync(other, "tr069", $"M-{m}", "1.0");
        var all = await _store.SummarizeAsync(TenantScope.All, 100, default);
        Assert.Equal(2, all.ByModel.Single(g => g.Key == $"M-{m}").Count);

        // A new firmware reported, then the device deleted: the next read shows each change (nothing is cached).
        await _devices.RecordContactAsync(first.Id, new DeviceReport(Model: $"N-{m}", FirmwareVersion: $"9.{m}", Status: DeviceStatus.Offline), Now, default);
        var s = await _store.SummarizeAsync(TenantScope.Of(tenant), 10, default);
        Assert.Equal([new DeviceGroupCount($"N-{m}", 1)], s.ByModel);
        Assert.Equal([new DeviceGroupCount($"9.{m}", 1)], s.ByFirmwareVersion);
        Assert.Equal(new Dictionary<DeviceStatus, long> { [DeviceStatus.Offline] = 1 }, s.ByStatus);

        Assert.True(await _devices.DeleteAsync(first.Id, TenantScope.Of(tenant), default));
        var empty = await _store.SummarizeAsync(TenantScope.Of(tenant), 10, default);
        Assert.Equal(0, empty.Total);
        Assert.Empty(empty.ByStatus);
        Assert.Empty(empty.ByProtocol);
        Assert.Empty(empty.ByModel);
        Assert.Equal(1, (await _store.SummarizeAsync(TenantScope.All, 100, default)).ByModel.Single(g => g.Key == $"M-{m}").Count);
    }

    [Fact]
    public async Task The_summary_reads_covering_indexes_not_the_devices_table()
    {
        var tenant = await NewTenantAsync(database.Db);
        foreach (var scope in new[] { TenantScope.Of(tenant), TenantScope.All })
        {
            var cells = await PlanAsync(SqlDeviceAggregateStore.CellsSql, scope);
            var protocols = await PlanAsync(SqlDeviceAggregateStore.ProtocolsSql, scope);
            if (database.Kind == DbKind.Sqlite)
            {
                Assert.Contains("USING COVERING INDEX ix_devices_summary", cells, StringComparison.Ordinal);
                Assert.DoesNotContain("TEMP B-TREE", cells, StringComparison.Ordinal); // read in index order: no sort
                Assert.Contains(scope.IsAll ? "COVERING INDEX ix_device_identities_protocol_device" : "COVERING INDEX ix_device_identities_device_protocol",
                    protocols, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("Index Only Scan using ix_devices_summary", cells, StringComparison.Ordinal);
                Assert.DoesNotContain("Sort", cells, StringComparison.Ordinal);
                Assert.Contains(scope.IsAll ? "Index Only Scan using ix_device_identities_protocol_device" : "Index Only Scan using ix_device_identities_device_protocol",
                    protocols, StringComparison.Ordinal);
            }
        }
    }

    private Task<Device> CreateAsync(long tenant, string protocol, string model, string firmware) =>
        _devices.CreateAsync(tenant, new DeviceDraft("", [new DeviceIdentity(protocol, Unique())], Model: model, FirmwareVersion: firmware), Now, default);

    /// <summary>The plan either database chooses for one of the summary's queries (PostgreSQL told to avoid table scans, as
    /// it rightly would with a few rows).</summary>
    private async Task<string> PlanAsync(Func<TenantScope, DynamicParameters, string> sql, TenantScope scope)
    {
        var p = new DynamicParameters();
        var text = sql(scope, p);
        await using var c = await database.Db.OpenAsync();
        if (database.Kind == DbKind.Sqlite)
        {
            var rows = await c.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + text, p);
            return string.Join("\n", rows.Select(r => r.Detail));
        }

        await using var tx = await c.BeginTransactionAsync();
        await c.ExecuteAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off", transaction: tx);
        return string.Join("\n", await c.QueryAsync<string>("EXPLAIN " + text, p, tx));
    }
}

public sealed class SqliteDeviceAggregateStoreTests(SqliteDatabase db) : DeviceAggregateStoreTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresDeviceAggregateStoreTests(PostgresDatabase db) : DeviceAggregateStoreTests(db), IClassFixture<PostgresDatabase>;
