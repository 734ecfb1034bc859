using System.Collections.Concurrent;
using System.Text.Json;
using Qdms.Core.Engines;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Core.Tests.Engines;

public sealed class EngineManagerTests
{
    private static readonly Caller Sysop = EngineManagerFixture.Sysop;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Adding_an_unknown_type_is_a_400_that_names_the_known_types()
    {
        var f = await new EngineManagerFixture().WithAsync();
        var e = await Assert.ThrowsAsync<ValidationException>(() => f.Manager.AddAsync(Sysop, "tr069", "a", null, None));
        Assert.True(e.Errors.ContainsKey("type"));
        Assert.Contains("tr069", e.Message, StringComparison.Ordinal);
        Assert.Contains("known types: fake", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_the_type_refuses_is_a_400_with_the_engines_message_and_nothing_is_stored()
    {
        var f = await new EngineManagerFixture().WithAsync();
        var config = JsonSerializer.SerializeToElement(new { size = 99 });
        var e = await Assert.ThrowsAsync<ValidationException>(() => f.Manager.AddAsync(Sysop, "fake", "a", config, None));
        Assert.True(e.Errors.ContainsKey("config"));
        Assert.Contains("size must be a number from 1 to 10", e.Message, StringComparison.Ordinal);
        Assert.Empty(await f.Store.ListAsync(None));

        var notAnObject = JsonSerializer.SerializeToElement(new[] { 1 });
        e = await Assert.ThrowsAsync<ValidationException>(() => f.Manager.AddAsync(Sysop, "fake", "a", notAnObject, None));
        Assert.Contains("JSON object", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_config_keys_take_the_types_defaults_and_secret_keys_are_masked()
    {
        var f = await new EngineManagerFixture().WithAsync();
        var view = await f.Manager.AddAsync(Sysop, "fake", "a", JsonSerializer.SerializeToElement(new { password = "hunter2" }), None);
        Assert.Equal(1, view.Instance.Index);
        using var stored = JsonDocument.Parse(view.Instance.Config);
        Assert.Equal(3, stored.RootElement.GetProperty("size").GetInt32());
        Assert.Equal("hunter2", stored.RootElement.GetProperty("password").GetString());
        Assert.DoesNotContain("hunter2", view.RedactedConfig, StringComparison.Ordinal);
        Assert.Contains("\"size\":3", view.RedactedConfig, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_alias_is_a_400_naming_the_alias()
    {
        var f = await new EngineManagerFixture().WithAsync();
        var e = await Assert.ThrowsAsync<ValidationException>(() => f.Manager.AddAsync(Sysop, "fake", "no spaces/here", null, None));
        Assert.True(e.Errors.ContainsKey("alias"));
    }

    [Fact]
    public async Task An_engine_that_fails_to_start_is_failed_with_its_error_and_the_others_run()
    {
        var f = await new EngineManagerFixture().WithAsync("a", "b", "c");
        f.Type.FailStartFor["b"] = "port 7000: address already in use";
        var views = await f.Manager.StartAsync(Sysop, "fake", 0, None);

        Assert.Equal([EngineState.Active, EngineState.Failed, EngineState.Active], views.Select(v => v.Status.State));
        Assert.Equal("port 7000: address already in use", views[1].Status.LastError);
        Assert.True(Assert.Single(f.Type.Created, e => e.Creation.Alias == "b").Stopped, "a failed start is cleaned up with StopAsync");
        var stored = (await f.Store.ListAsync(None)).Single(i => i.Alias == "b");
        Assert.Equal((EngineState.Failed, "port 7000: address already in use", EngineDesiredState.Running), (stored.ActualState, stored.LastError, stored.DesiredState));
        Assert.True((await f.Manager.ReportAsync(Sysop, None)).HasErrors);
    }

    [Fact]
    public async Task An_engine_whose_factory_throws_is_failed_not_an_exception()
    {
        var f = await new EngineManagerFixture().WithAsync("a");
        f.Type.CreateThrowsFor.Add("a");
        var view = Assert.Single(await f.Manager.StartAsync(Sysop, "fake", 1, None));
        Assert.Equal((EngineState.Failed, "cannot create this one"), (view.Status.State, view.Status.LastError));
    }

    [Fact]
    public async Task A_start_that_never_returns_fails_after_the_engine_timeout()
    {
        var f = await new EngineManagerFixture().WithAsync("a");
        f.Manager.EngineTimeout = TimeSpan.FromMilliseconds(200);
        f.Type.HangFor.Add("a");
        var view = Assert.Single(await f.Manager.StartAsync(Sysop, "fake", 1, None));
        Assert.Equal(EngineState.Failed, view.Status.State);
        Assert.Contains("did not start within", view.Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_that_throws_reports_the_engine_failed()
    {
        var f = await new EngineManagerFixture().WithAsync("a");
        await f.Manager.StartAsync(Sysop, "fake", 1, None);
        f.Type.StatusThrowsFor.Add("a");
        var view = await f.Manager.QueryAsync(Sysop, "fake", 1, None);
        Assert.Equal(EngineState.Failed, view.Status.State);
        Assert.Contains("status exploded", view.Status.LastError, StringComparison.Ordinal);
        Assert.Contains(f.Manager.Snapshot(), s => s.Alias == "a" && s.State == EngineState.Failed);
    }

    [Fact]
    public async Task Concurrent_starts_of_one_instance_start_it_once()
    {
        var f = await new EngineManagerFixture().WithAsync("a");
        f.Type.StartGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var starts = Enumerable.Range(0, 5).Select(_ => Task.Run(() => f.Manager.StartAsync(Sysop, "fake", 1, None))).ToList();
        await WaitUntilAsync(() => Volatile.Read(ref f.Type.Starts) == 1);
        Assert.Equal(EngineState.Starting, f.Manager.Snapshot().Single().State);
        f.Type.StartGate.SetResult();
        await Task.WhenAll(starts);

        Assert.Equal(1, f.Type.Starts);
        Assert.Single(f.Type.Created);
        Assert.Equal(EngineState.Active, await f.StateAsync(1));
    }

    [Fact]
    public async Task Starting_a_running_engine_changes_nothing_and_stopping_leaves_it_inactive()
    {
        var f = await new EngineManagerFixture().WithAsync("a");
        await f.Manager.StartAsync(Sysop, "fake", 1, None);
        await f.Manager.StartAsync(Sysop, "fake", 1, None);
        Assert.Equal(1, f.Type.Starts);

        var stopped = Assert.Single(await f.Manager.StopAsync(Sysop, "fake", 1, None));
        Assert.Equal(EngineState.Inactive, stopped.Status.State);
        Assert.Equal(EngineDesiredState.Stopped, stopped.Instance.DesiredState);
        Assert.True(Assert.Single(f.Type.Created).Stopped);
    }

    [Fact]
    public async Task Index_0_starts_and_stops_every_engine_of_the_type()
    {
        var f = await new EngineManagerFixture().WithAsync("a", "b");
        Assert.All(await f.Manager.StartAsync(Sysop, "fake", 0, None), v => Assert.Equal(EngineState.Active, v.Status.State));
        Assert.All(await f.Manager.StopAsync(Sysop, "fake", 0, None), v => Assert.Equal(EngineState.Inactive, v.Status.State));
        Assert.Equal(2, f.Type.Stops);
    }

    [Fact]
    public async Task An_index_out_of_range_is_a_404_naming_the_valid_indexes()
    {
        var f = await new EngineManagerFixture().WithAsync("a", "b", "c");
        var e = await Assert.ThrowsAsync<NotFoundException>(() => f.Manager.StartAsync(Sysop, "fake", 7, None));
        Assert.Contains("index 7", e.Message, StringComparison.Ordinal);
        Assert.Contains("1–3", e.Message, StringComparison.Ordinal);

        await f.Manager.RemoveAsync(Sysop, "fake", "b", None);
        e = await Assert.ThrowsAsync<NotFoundException>(() => f.Manager.QueryAsync(Sysop, "fake", 2, None));
        Assert.Contains("1, 3", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await f.Manager.QueryAsync(Sysop, "fake", 3, None)).Instance.Index);
    }

    [Fact]
    public async Task Removing_a_running_engine_stops_it_first()
    {
        var f = await new EngineManagerFixture().WithAsync("a");
        await f.Manager.StartAsync(Sysop, "fake", 1, None);
        await f.Manager.RemoveAsync(Sysop, "fake", "a", None);
        Assert.True(Assert.Single(f.Type.Created).Stopped);
        Assert.Empty(await f.Store.ListAsync(None));
        Assert.Empty(f.Manager.Snapshot());
        await Assert.ThrowsAsync<NotFoundException>(() => f.Manager.RemoveAsync(Sysop, "fake", "a", None));
    }

    [Fact]
    public async Task Stopping_the_service_stops_engines_and_components_and_starting_it_brings_back_what_should_run()
    {
        var journal = new ConcurrentQueue<string>();
        var f = await new EngineManagerFixture(new RecordingComponent("jobs", journal), new RecordingComponent("broken", journal, failStart: true))
            .WithAsync("a", "b");
        await f.Manager.StartAsync(Sysop, "fake", 1, None);
        Assert.Equal(["start jobs", "start broken"], journal);

        var report = await f.Manager.StopServiceAsync(Sysop, None);
        Assert.False(report.Running);
        Assert.Null(report.StartedAt);
        Assert.All(report.Engines, e => Assert.Equal(EngineState.Inactive, e.Status.State));
        Assert.Equal(EngineDesiredState.Running, report.Engines[0].Instance.DesiredState);
        Assert.Equal(["start jobs", "start broken", "stop broken", "stop jobs"], journal);
        await Assert.ThrowsAsync<ConflictException>(() => f.Manager.StartAsync(Sysop, "fake", 1, None));

        f.Time.Now = f.Time.Now.AddMinutes(5);
        report = await f.Manager.StartServiceAsync(Sysop, None);
        f.Time.Now = f.Time.Now.AddSeconds(90);
        report = await f.Manager.ReportAsync(Sysop, None);
        Assert.True(report.Running);
        Assert.Equal(TimeSpan.FromSeconds(90), report.Uptime);
        Assert.Equal((2, 1), (report.EngineCount, report.ActiveCount));
        Assert.Equal([EngineState.Active, EngineState.Inactive], report.Engines.Select(e => e.Status.State));
        var broken = Assert.Single(report.Components, c => c.Name == "broken");
        Assert.Contains("broken cannot start", broken.LastError, StringComparison.Ordinal);
        Assert.True(Assert.Single(report.Components, c => c.Name == "jobs").Running);
        Assert.True(report.HasErrors);
        Assert.Equal(2, f.Audit.Entries.Count(e => e.Action is "service.stop" or "service.start"));
    }

    [Fact]
    public async Task Only_a_sysop_changes_engines_while_a_viewer_may_read_them()
    {
        var f = await new EngineManagerFixture().WithAsync("a");
        var admin = new Caller(2, "tenant-admin", Role.Admin, 5);
        var viewer = new Caller(3, "watcher", Role.Viewer, 5);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Manager.AddAsync(admin, "fake", "b", null, None));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Manager.StartAsync(admin, "fake", 1, None));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Manager.StopAsync(admin, "fake", 0, None));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Manager.RemoveAsync(admin, "fake", "a", None));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Manager.StopServiceAsync(admin, None));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Manager.StartServiceAsync(admin, None));
        Assert.Single(await f.Manager.ListAsync(viewer, None));
        Assert.Equal(1, (await f.Manager.ReportAsync(viewer, None)).EngineCount);
        Assert.Equal(EngineState.Inactive, (await f.Manager.QueryAsync(viewer, "fake", 1, None)).Status.State);
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_engine_and_its_outcome()
    {
        var f = await new EngineManagerFixture().WithAsync("a");
        f.Type.FailStartFor["a"] = "no luck";
        await f.Manager.StartAsync(Sysop, "fake", 1, None);
        await f.Manager.StopAsync(Sysop, "fake", 1, None);
        await f.Manager.RemoveAsync(Sysop, "fake", "a", None);
        var entries = f.Audit.Entries.ToList();
        Assert.Equal(["engine.add", "engine.start", "engine.stop", "engine.remove"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("engine/fake/a", "root"), (e.Target, e.Username)));
        Assert.Contains("failed (no luck)", entries[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_restores_each_instance_in_its_desired_state()
    {
        var first = await new EngineManagerFixture().WithAsync("a", "b");
        await first.Manager.StartAsync(Sysop, "fake", 2, None);

        var type = new FakeEngineType();
        var second = new EngineManager(first.Store, new EngineTypeRegistry([type]), [], new Audit.AuditLog(first.Audit, first.Time), first.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EngineManager>.Instance);
        Assert.Empty(second.Snapshot());
        await second.InitializeAsync(None);
        Assert.Equal([("a", EngineState.Inactive), ("b", EngineState.Active)], second.Snapshot().Select(s => (s.Alias, s.State)));
        Assert.Equal("b", Assert.Single(type.Created).Creation.Alias);
    }

    [Fact]
    public void Two_engine_types_with_one_name_stop_start_up()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new EngineTypeRegistry([new FakeEngineType(), new FakeEngineType()]));
        Assert.Contains("'fake'", e.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true within 10 s");
            await Task.Delay(10);
        }
    }
}
