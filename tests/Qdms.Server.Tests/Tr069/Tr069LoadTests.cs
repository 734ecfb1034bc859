using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;
using Qdms.Storage;
using Qdms.Tools.CpeSim;

namespace Qdms.Server.Tests.Tr069;

/// <summary>
/// The engine under load: overload shedding (503 + Retry-After beyond <c>maxSessions</c>, the simulator retrying), and the
/// group-committed Inform writes (acknowledged means stored; a database error fails the Inform with 500, not an ack).
/// </summary>
public abstract class Tr069LoadTests(QdmsAppFactory app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Beyond_max_sessions_informs_get_503_with_a_spread_retry_after_and_every_cpe_is_served_once_room_is_made()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { maxSessions = 2 });
        using var first = new RawCpe(acs.Url);
        using var second = new RawCpe(acs.Url);
        using var third = new RawCpe(acs.Url);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync(RawCpe.Inform("HOLD1"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync(RawCpe.Inform("HOLD2"))).Status);

        var (status, _, response) = await third.PostAsync(RawCpe.Inform("SHED1"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));
        Assert.Empty((await acs.Admin.ListDevicesAsync(q: "SHED1")).Items); // a shed Inform touches no data

        var fleet = acs.Fleet(10, new CpeOptions(acs.Url) { RetryAfterScale = 0.01, MaxConnections = 10 });
        var storm = fleet.RunAllAsync((cpe, ct) => cpe.BootAsync(ct), 10, default);
        var watch = Stopwatch.StartNew();
        while (!fleet.Cpes.All(c => c.Refused > 0) && watch.Elapsed < Deadline)
        {
            await Task.WhenAny(storm, Task.Delay(20));
        }

        Assert.All(fleet.Cpes, c => Assert.True(c.Refused > 0, $"{c.Serial} was never refused"));
        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync([])).Status); // the held sessions end: room for the fleet
        Assert.Equal(HttpStatusCode.NoContent, (await second.PostAsync([])).Status);

        var (outcomes, _, _) = await storm;
        Assert.All(outcomes, o => Assert.True(o.Completed, o.Error));
        foreach (var cpe in fleet.Cpes)
        {
            var device = await acs.DeviceOfAsync(cpe);
            Assert.Contains((await acs.Admin.ListEventsAsync(deviceId: device.Id)).Items, e => e.Type == "0 BOOTSTRAP");
            Assert.NotEmpty(await acs.Admin.ListParametersAsync(device.Id));
        }

        var engine = await acs.Admin.GetEngineAsync("tr069", acs.Index);
        Assert.Equal(fleet.Cpes.Sum(c => c.Refused) + 1, long.Parse(engine.Details["sessionsShed"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0", engine.Details["sessionsRefused"]); // the per-device refusal is another thing
    }

    [Fact]
    public async Task An_acknowledged_inform_is_already_stored_when_its_inform_response_arrives()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var serials = Enumerable.Range(0, 12).Select(i => $"ACK{Guid.NewGuid():N}"[..16]).ToList();

        await Task.WhenAll(serials.Select(async serial =>
        {
            using var raw = new RawCpe(acs.Url);
            var (status, body, _) = await raw.PostAsync(RawCpe.Inform(serial));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("InformResponse", body, StringComparison.Ordinal);

            // Still inside the session, before the empty POST: the contact and the event are in the database.
            var device = Assert.Single((await acs.Admin.ListDevicesAsync(q: serial)).Items);
            Assert.NotNull(device.LastContactAt);
            Assert.Equal("2 PERIODIC", Assert.Single((await acs.Admin.ListEventsAsync(deviceId: device.Id)).Items).Type);
        }));
    }

    [Fact]
    public async Task A_database_error_fails_that_inform_with_500_writes_none_of_it_and_the_cpes_beside_it_are_served()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var lines = File.ReadAllLines(AcsUnderTest.ModelPath);
        using var failing = new CpeFleet(1, "FAILDB" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), s => DataModel.Parse(lines, s), new CpeOptions(acs.Url));
        var others = acs.Fleet(10);
        var db = app.Services.GetRequiredService<QdmsDb>();
        await ExecuteAsync(db, db.Dialect == Dialect.Postgres
            ? """
              CREATE OR REPLACE FUNCTION qdms_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER qdms_test_fail BEFORE INSERT ON device_events FOR EACH ROW WHEN (NEW.message LIKE '%FAILDB%') EXECUTE FUNCTION qdms_test_fail();
              """
            : "CREATE TRIGGER qdms_test_fail BEFORE INSERT ON device_events WHEN NEW.message LIKE '%FAILDB%' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
        try
        {
            var all = failing.Cpes.Concat(others.Cpes).ToList();
            var outcomes = await Task.WhenAll(all.Select(c => c.BootAsync(default)));

            var failed = Assert.Single(outcomes[0]);
            Assert.False(failed.Completed);
            Assert.Equal(500, failed.HttpStatus);
            var device = await acs.DeviceOfAsync(failing.Cpes[0]); // created before the contact was written
            Assert.Empty(await acs.Admin.ListParametersAsync(device.Id)); // nothing of the failed Inform is half-written
            Assert.Null(device.LastContactAt);
            foreach (var (cpe, outcome) in others.Cpes.Zip(outcomes.Skip(1)))
            {
                Assert.True(Assert.Single(outcome).Completed, outcome[0].Error);
                Assert.NotEmpty(await acs.Admin.ListParametersAsync((await acs.DeviceOfAsync(cpe)).Id));
            }
        }
        finally
        {
            await ExecuteAsync(db, "DROP TRIGGER qdms_test_fail" + (db.Dialect == Dialect.Postgres ? " ON device_events" : ""));
        }

        Assert.True(Assert.Single(await failing.Cpes[0].BootAsync(default)).Completed); // the CPE's next try goes through
        Assert.NotEmpty(await acs.Admin.ListParametersAsync((await acs.DeviceOfAsync(failing.Cpes[0])).Id));
    }

    [Fact]
    public async Task A_cpe_whose_device_was_deleted_is_created_again_at_its_next_inform()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe();
        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
        var before = await acs.DeviceOfAsync(cpe);
        await acs.Admin.DeleteDeviceAsync(before.Id);

        Assert.True(Assert.Single(await cpe.PeriodicInformAsync(default)).Completed);

        var after = await acs.DeviceOfAsync(cpe);
        Assert.NotEqual(before.Id, after.Id);
        Assert.Equal("2 PERIODIC", Assert.Single((await acs.Admin.ListEventsAsync(deviceId: after.Id)).Items).Type);
    }

    [Theory]
    [InlineData("maxSessions", 0)]
    [InlineData("maxInformsInFlight", 0)]
    [InlineData("maxInformsInFlight", 100_001)]
    public async Task An_admission_cap_out_of_range_is_refused_naming_the_key(string key, int value)
    {
        var admin = await app.AdminAsync();
        var settings = new Dictionary<string, object> { ["address"] = "127.0.0.1", ["port"] = 0, ["sessionTimeoutSeconds"] = 30, ["maxBodyBytes"] = 65536, ["fileBaseUrl"] = "", [key] = value };

        var e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.AddEngineAsync(new AddEngineRequest("tr069", "bad-cap", JsonSerializer.SerializeToElement(settings))));

        Assert.Equal(400, e.Status);
        Assert.Contains(key, e.Message + string.Join(" ", e.Errors?.SelectMany(x => x.Value) ?? []), StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(QdmsDb db, string sql)
    {
        await using var c = await db.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteTr069LoadTests(SqliteApp app) : Tr069LoadTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTr069LoadTests(PostgresApp app) : Tr069LoadTests(app), IClassFixture<PostgresApp>;
