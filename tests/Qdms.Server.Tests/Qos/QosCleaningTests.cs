using Microsoft.Extensions.DependencyInjection;
using Qdms.Core.Measurements;
using Qdms.Core.Qos;
using Qdms.Core.Security;
using Qdms.Qos.Configuration;
using Qdms.Qos.Jobs;
using Qdms.Qos.Journal;
using static Qdms.Server.Tests.Qos.QosTestData;

namespace Qdms.Server.Tests.Qos;

/// <summary>The cleaning job and the evaluator's device bookkeeping on each database.</summary>
public abstract class QosCleaningTests(QosApp app)
{
    private IMeasurementStore Measurements => app.Services.GetRequiredService<IMeasurementStore>();

    private IQosDeviceStore Devices => app.Services.GetRequiredService<IQosDeviceStore>();

    private QosCleaning CleaningAt(DateTimeOffset now, int rawMinutes, int inactiveMinutes) => new(
        new QosOptions { RawMeasurementMaxAgeMinutes = rawMinutes, InactiveDeviceMaxAgeMinutes = inactiveMinutes },
        Measurements, Devices, app.Services.GetRequiredService<IQosLogStore>(), app.Services.GetRequiredService<QosJournal>(), new FixedTime(now));

    [Fact]
    public async Task Cleaning_deletes_measurements_older_than_the_raw_data_max_age_and_keeps_newer_ones()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var d = await HostAsync(owner, SystemName("Aged"));
        var now = DateTimeOffset.UtcNow;
        await Measurements.AppendAsync(
        [
            Measurement.Single(d.TenantId, d.Id, "rtt", now.AddMinutes(-90), 5),
            Measurement.Single(d.TenantId, d.Id, "cpu_total_load", now.AddMinutes(-61), 5),
            Measurement.Single(d.TenantId, d.Id, "rtt", now.AddMinutes(-30), 7),
        ], default);

        var (deleted, _) = await CleaningAt(now, rawMinutes: 60, inactiveMinutes: 10_000).RunOnceAsync(default);
        var left = await Measurements.ListAsync(TenantScope.All, new MeasurementQuery([d.Id], null, now.AddDays(-1), now), 10, default);

        Assert.True(deleted >= 2);
        Assert.Equal([7.0], left.Select(m => m.Mean!.Value));
    }

    [Fact]
    public async Task Devices_that_left_the_inventory_are_forgotten_after_the_inactive_max_age_unless_they_still_have_data()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var admin = await app.AdminAsync();
        var gone = await HostAsync(owner, SystemName("Gone"));
        var goneWithData = await HostAsync(owner, SystemName("GoneData"));
        var stays = await HostAsync(owner, SystemName("Stays"));
        await admin.QosReloadAsync();
        await owner.UpdateDeviceAsync(gone.Id, new Qdms.Contracts.UpdateDeviceRequest(Address: ""));
        await owner.UpdateDeviceAsync(goneWithData.Id, new Qdms.Contracts.UpdateDeviceRequest(Address: ""));
        await admin.QosReloadAsync();
        await Measurements.AppendAsync([Measurement.Single(goneWithData.TenantId, goneWithData.Id, "rtt", DateTimeOffset.UtcNow, 1)], default);

        // two days later, with a one-day inactive max age and a long raw max age
        var (_, forgotten) = await CleaningAt(DateTimeOffset.UtcNow.AddDays(2), rawMinutes: 100_000, inactiveMinutes: 1440).RunOnceAsync(default);
        var known = await Devices.ListKnownAsync(default);

        Assert.True(forgotten >= 1);
        Assert.False(known.ContainsKey(gone.Id));
        Assert.False(known[goneWithData.Id]);
        Assert.True(known[stays.Id]); // present in the inventory: measured, never forgotten
    }

    [Fact]
    public async Task Marking_a_device_active_moves_its_last_activity_forward_only()
    {
        var (owner, _, _) = await app.TenantUserAsync("operator");
        var admin = await app.AdminAsync();
        var d = await HostAsync(owner, SystemName("Active"));
        await admin.QosReloadAsync();
        await owner.UpdateDeviceAsync(d.Id, new Qdms.Contracts.UpdateDeviceRequest(Address: ""));
        await admin.QosReloadAsync();

        await Devices.MarkActiveAsync([d.Id], DateTimeOffset.UtcNow.AddDays(3), default);
        await Devices.MarkActiveAsync([d.Id], DateTimeOffset.UtcNow, default); // older: ignored
        var forgotten = await CleaningAt(DateTimeOffset.UtcNow.AddDays(3.5), rawMinutes: 100_000, inactiveMinutes: 1440).RunOnceAsync(default);

        Assert.True((await Devices.ListKnownAsync(default)).ContainsKey(d.Id), $"forgotten {forgotten}");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteQosCleaningTests(SqliteQosApp app) : QosCleaningTests(app), IClassFixture<SqliteQosApp>;

public sealed class PostgresQosCleaningTests(PostgresQosApp app) : QosCleaningTests(app), IClassFixture<PostgresQosApp>;
