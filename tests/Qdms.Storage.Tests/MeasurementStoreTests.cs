using Qdms.Core.Measurements;
using Qdms.Core.Security;
using Qdms.Storage.Stores;
using static Qdms.Storage.Tests.DeviceTestData;

namespace Qdms.Storage.Tests;

public abstract class MeasurementStoreTests(TestDatabase database)
{
    private readonly SqlDeviceStore _devices = new(database.Db);
    private readonly SqlMeasurementStore _measurements = new(database.Db);

    [Fact]
    public async Task A_batch_round_trips_every_statistic_and_reads_by_device_metric_and_window()
    {
        var tenant = await NewTenantAsync(database.Db);
        var a = await _devices.CreateAsync(tenant, Draft(Unique()), Now, default);
        var b = await _devices.CreateAsync(tenant, Draft(Unique()), Now, default);
        var rtt = new Measurement(tenant, a.Id, "rtt", Now, 0.125, 9.5, 2.25, 1.75, 3.5, 9, LossPercent: 10, Jitter: 0.5, P95: 8.75);
        var failed = new Measurement(tenant, b.Id, "rtt", Now.AddSeconds(1), null, null, null, null, null, 0, LossPercent: 100, Failed: true);
        var cpu = Measurement.Single(tenant, a.Id, "cpu_total_load", Now.AddSeconds(2), 42.5);
        await _measurements.AppendAsync([rtt, failed, cpu], default);

        var all = await _measurements.ListAsync(TenantScope.Of(tenant), new MeasurementQuery(null, null, Now, Now.AddMinutes(1)), 100, default);
        Assert.Equal([rtt, failed, cpu], all);
        var onlyRttOfA = await _measurements.ListAsync(TenantScope.Of(tenant), new MeasurementQuery([a.Id], ["rtt"], Now, Now.AddMinutes(1)), 100, default);
        Assert.Equal([rtt], onlyRttOfA);
        var window = await _measurements.ListAsync(TenantScope.Of(tenant), new MeasurementQuery(null, null, Now.AddSeconds(1), Now.AddSeconds(2)), 100, default);
        Assert.Equal([failed], window);
        Assert.Empty(await _measurements.ListAsync(TenantScope.Of(await NewTenantAsync(database.Db)), new MeasurementQuery(null, null, Now, Now.AddMinutes(1)), 100, default));
    }

    [Fact]
    public async Task Old_measurements_and_a_forgotten_devices_measurements_are_deleted_in_bulk()
    {
        var tenant = await NewTenantAsync(database.Db);
        var a = await _devices.CreateAsync(tenant, Draft(Unique()), Now, default);
        var b = await _devices.CreateAsync(tenant, Draft(Unique()), Now, default);
        var old = DateTimeOffset.FromUnixTimeMilliseconds(5_000);
        var batch = Enumerable.Range(0, 300).Select(i => Measurement.Single(tenant, i % 2 == 0 ? a.Id : b.Id, "memory_used", i < 100 ? old : Now, i)).ToList();
        await _measurements.AppendAsync(batch, default);

        Assert.True(await _measurements.DeleteOlderThanAsync(old.AddMilliseconds(1), default) >= 100);
        Assert.Equal(100, await _measurements.DeleteForDeviceAsync(b.Id, default));
        var left = await _measurements.ListAsync(TenantScope.All, new MeasurementQuery([a.Id, b.Id], null, old, Now.AddDays(1)), 1000, default);
        Assert.Equal(100, left.Count);
        Assert.All(left, m => Assert.Equal((a.Id, Now), (m.DeviceId, m.Time)));
    }
}

public sealed class SqliteMeasurementStoreTests(SqliteDatabase db) : MeasurementStoreTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresMeasurementStoreTests(PostgresDatabase db) : MeasurementStoreTests(db), IClassFixture<PostgresDatabase>;
