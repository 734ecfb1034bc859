using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;
using Qdms.Tools.CpeSim;
using Xunit.Abstractions;

namespace Qdms.Server.Tests.Tr069;

/// <summary>
/// Connection requests over HTTP: the engine for real on loopback, simulated CPEs behind one connection request listener that
/// check Digest (or Basic) and then open a session with 6 CONNECTION REQUEST. The CPEs make no periodic informs here, so a
/// task that completes was run because the CPE was woken.
/// </summary>
public abstract class ConnectionRequestTests(QdmsAppFactory app, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_task_queued_with_connectionRequest_runs_now_because_the_cpe_was_woken_over_digest()
    {
        await using var rig = await ConnectionRequestRig.StartAsync(app);
        var (cpe, device) = await rig.BootedCpeAsync();
        var woken = cpe.NextConnectionRequestSessionAsync();

        var watch = Stopwatch.StartNew();
        var task = await rig.Admin.CreateTaskAsync(device.Id, new CreateTaskRequest("get", JsonSerializer.SerializeToElement(new { path = "Device.DeviceInfo.UpTime" })), connectionRequest: true);
        var outcomes = await woken.WaitAsync(Deadline);
        output.WriteLine($"connection request answered and the woken session completed {watch.Elapsed.TotalMilliseconds:F0} ms after the POST");

        Assert.Equal(new ConnectionRequestResultDto("http", "sent", null), task.ConnectionRequest);
        Assert.True(Assert.Single(outcomes).Completed, outcomes[0].Error);
        Assert.Equal(["Digest MD5"], cpe.ConnectionRequests);
        Assert.Equal(["6 CONNECTION REQUEST"], cpe.Informs.Last());
        Assert.Equal(["GetParameterValues"], cpe.Served);
        Assert.Equal("done", (await rig.Admin.GetTaskAsync(task.Id)).Status);
        Assert.Contains((await rig.Admin.ListEventsAsync(deviceId: device.Id)).Items, e => e.Type == "6 CONNECTION REQUEST");
    }

    [Fact]
    public async Task A_plain_connection_request_prefers_sha256_digest_and_is_audited_without_the_password()
    {
        await using var rig = await ConnectionRequestRig.StartAsync(app);
        var (cpe, device) = await rig.BootedCpeAsync(CpeConnectionRequestAuth.DigestSha256);
        var woken = cpe.NextConnectionRequestSessionAsync();

        var result = await rig.Admin.WakeDeviceAsync(device.Id);

        Assert.Equal(("http", "sent"), (result.Channel, result.Status));
        Assert.True(Assert.Single(await woken.WaitAsync(Deadline)).Completed);
        Assert.Equal(["Digest SHA-256"], cpe.ConnectionRequests);
        var audit = Assert.Single((await rig.Admin.ListAuditAsync(action: "device.wake")).Items, a => a.Target == $"device/{device.Id}");
        Assert.Equal("http sent", audit.Details);
        var engines = JsonSerializer.Serialize(await rig.Admin.ListEnginesAsync());
        Assert.DoesNotContain(ConnectionRequestRig.Password, engines, StringComparison.Ordinal);
        Assert.Contains(ConnectionRequestRig.Username, engines, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_fail_the_wake_up_with_the_reason_and_leave_the_task_queued()
    {
        await using var rig = await ConnectionRequestRig.StartAsync(app);
        var (cpe, device) = await rig.BootedCpeAsync(password: "another-password");

        var task = await rig.Admin.CreateTaskAsync(device.Id, new CreateTaskRequest("reboot"), connectionRequest: true);

        Assert.Equal(("http", "failed"), (task.ConnectionRequest!.Channel, task.ConnectionRequest.Status));
        Assert.Contains("refused the credentials", task.ConnectionRequest.Error, StringComparison.Ordinal);
        Assert.Equal("queued", (await rig.Admin.GetTaskAsync(task.Id)).Status);
        Assert.Equal((0, 2), (rig.Listener.Accepted, rig.Listener.Challenged)); // the challenge, then the refused answer
        Assert.Empty(cpe.ConnectionRequests);
        Assert.Single(cpe.Informs); // only the boot: no session was started
    }

    [Fact]
    public async Task An_unreachable_url_and_a_cpe_that_never_answers_fail_as_unreachable()
    {
        await using var rig = await ConnectionRequestRig.StartAsync(app, new { connectionRequestTimeoutSeconds = 1 });
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var (refusing, refusingDevice) = await BootWithUrlAsync(rig, $"http://127.0.0.1:{closedPort}/cr/x");

        var result = await rig.Admin.WakeDeviceAsync(refusingDevice.Id);

        Assert.Equal(("http", "failed"), (result.Channel, result.Status));
        Assert.Contains("unreachable", result.Error, StringComparison.Ordinal);
        Assert.Contains("connection refused", result.Error, StringComparison.Ordinal);
        Assert.Contains("NAT", result.Error, StringComparison.Ordinal);

        var silent = new TcpListener(IPAddress.Loopback, 0); // accepts in the kernel's backlog, never answers
        silent.Start();
        try
        {
            var (_, silentDevice) = await BootWithUrlAsync(rig, $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/cr/x");
            var watch = Stopwatch.StartNew();
            result = await rig.Admin.WakeDeviceAsync(silentDevice.Id);
            output.WriteLine($"the silent CPE was given up on after {watch.Elapsed.TotalMilliseconds:F0} ms");
            Assert.Equal("failed", result.Status);
            Assert.Contains("no answer within 1 s", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            silent.Stop();
        }

        Assert.Single(refusing.Informs);
    }

    [Fact]
    public async Task Urls_that_are_not_http_or_lead_outside_the_allowed_networks_are_never_requested()
    {
        await using var rig = await ConnectionRequestRig.StartAsync(app, new { connectionRequestAllowedNetworks = new[] { "10.0.0.0/8", "2001:db8::/32" } });
        var (cpe, device) = await rig.BootedCpeAsync();
        var (_, fileDevice) = await BootWithUrlAsync(rig, "file:///etc/passwd");

        var outside = await rig.Admin.WakeDeviceAsync(device.Id);
        var file = await rig.Admin.WakeDeviceAsync(fileDevice.Id);

        Assert.Equal(("http", "failed"), (outside.Channel, outside.Status));
        Assert.Contains("outside connectionRequestAllowedNetworks", outside.Error, StringComparison.Ordinal);
        Assert.Equal(0, rig.Listener.Challenged); // not even connected to
        Assert.Empty(cpe.ConnectionRequests);
        Assert.Equal("failed", file.Status);
        Assert.Contains("is not an http or https URL", file.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_connection_request_settings_are_refused_naming_the_key()
    {
        var admin = await app.AdminAsync();
        var config = JsonSerializer.SerializeToElement(new { connectionRequestAllowedNetworks = new[] { "10.0.0.0/33" }, connectionRequestTimeoutSeconds = 0, connectionRequestAllowBasic = "yes" });

        var refused = await Assert.ThrowsAsync<QdmsApiException>(() => admin.AddEngineAsync(new AddEngineRequest("tr069", "bad-cr", config)));

        Assert.Equal(400, refused.Status);
        var text = refused.Message + string.Join(" ", refused.Errors?.SelectMany(e => e.Value) ?? []);
        Assert.Contains("10.0.0.0/33", text, StringComparison.Ordinal);
        Assert.Contains("connectionRequestTimeoutSeconds", text, StringComparison.Ordinal);
        Assert.Contains("connectionRequestAllowBasic", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_is_refused_unless_the_engine_allows_it()
    {
        SimulatedCpe cpe;
        DeviceDto device;
        await using (var strict = await ConnectionRequestRig.StartAsync(app))
        {
            (cpe, device) = await strict.BootedCpeAsync(CpeConnectionRequestAuth.Basic);

            var refused = await strict.Admin.WakeDeviceAsync(device.Id);

            Assert.Equal(("http", "failed"), (refused.Channel, refused.Status));
            Assert.Contains("connectionRequestAllowBasic", refused.Error, StringComparison.Ordinal);
            Assert.Equal((0, 1), (strict.Listener.Accepted, strict.Listener.Challenged)); // no credentials were sent
        }

        await using var lenient = await ConnectionRequestRig.StartAsync(app, new { connectionRequestAllowBasic = true });
        var basicCpe = (await lenient.BootedCpeAsync(CpeConnectionRequestAuth.Basic)).Cpe;
        var woken = basicCpe.NextConnectionRequestSessionAsync();

        var sent = await lenient.Admin.WakeDeviceAsync((await lenient.Acs.DeviceOfAsync(basicCpe)).Id);

        Assert.Equal("sent", sent.Status);
        Assert.True(Assert.Single(await woken.WaitAsync(Deadline)).Completed);
        Assert.Equal(["Basic"], basicCpe.ConnectionRequests);
        Assert.Empty(cpe.ConnectionRequests);
    }

    [Fact]
    public async Task A_device_without_a_url_or_without_a_running_engine_is_unsupported_and_its_task_stays_queued()
    {
        await using (var rig = await ConnectionRequestRig.StartAsync(app))
        {
            var bare = await rig.Admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "000000-Bare-" + Guid.NewGuid().ToString("N")[..8])]));

            var task = await rig.Admin.CreateTaskAsync(bare.Id, new CreateTaskRequest("reboot"), connectionRequest: true);

            Assert.Equal("unsupported", task.ConnectionRequest!.Status);
            Assert.Null(task.ConnectionRequest.Channel);
            Assert.Contains("ConnectionRequestURL", task.ConnectionRequest.Error, StringComparison.Ordinal);
            Assert.Equal("queued", (await rig.Admin.GetTaskAsync(task.Id)).Status);

            var snmp = await rig.Admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("snmp", "192.0.2." + Random.Shared.Next(1, 250) + ":" + Guid.NewGuid().ToString("N")[..6])]));
            var other = await rig.Admin.WakeDeviceAsync(snmp.Id);
            Assert.Equal("unsupported", other.Status);
            Assert.Contains("no running engine", other.Error, StringComparison.Ordinal);
        }

        var admin = await app.AdminAsync();
        var stopped = await admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "000000-Stopped-" + Guid.NewGuid().ToString("N")[..8])]));
        var none = await admin.WakeDeviceAsync(stopped.Id);
        Assert.Equal("unsupported", none.Status); // the rig's engine stopped: nothing runs that could wake it
        Assert.Contains("no running engine", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_device_is_not_found_and_viewers_may_not_wake()
    {
        await using var rig = await ConnectionRequestRig.StartAsync(app);
        var (cpe, device) = await rig.BootedCpeAsync();
        var (stranger, _, _) = await app.TenantUserAsync("operator");
        var (viewer, _, _) = await app.TenantUserAsync("viewer");

        var notFound = await Assert.ThrowsAsync<QdmsApiException>(() => stranger.WakeDeviceAsync(device.Id));
        var notFoundTask = await Assert.ThrowsAsync<QdmsApiException>(() => stranger.CreateTaskAsync(device.Id, new CreateTaskRequest("reboot"), connectionRequest: true));
        var forbidden = await Assert.ThrowsAsync<QdmsApiException>(() => viewer.WakeDeviceAsync(device.Id));

        Assert.Equal((404, 404, 403), (notFound.Status, notFoundTask.Status, forbidden.Status));
        Assert.Empty(cpe.ConnectionRequests);
        Assert.Equal(0, rig.Listener.Challenged); // nothing was sent for them
        Assert.Empty(await rig.Admin.ListTasksAsync(device.Id));
    }

    [Fact]
    public async Task The_cli_wakes_a_device_and_queues_a_task_with_a_connection_request()
    {
        await using var rig = await ConnectionRequestRig.StartAsync(app);
        var (cpe, device) = await rig.BootedCpeAsync();
        using var cli = new CliRunner(app);
        Assert.Equal(0, (await cli.RunAsync("login", "--user", "admin", "--password", QdmsAppFactory.AdminPassword)).Exit);
        var woken = cpe.NextConnectionRequestSessionAsync();

        var (exit, text) = await cli.RunAsync("devices", "wake", device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, exit);
        Assert.Contains("Connection request sent over http.", text, StringComparison.Ordinal);
        await woken.WaitAsync(Deadline);

        woken = cpe.NextConnectionRequestSessionAsync();
        (exit, text) = await cli.RunAsync("tasks", "create", device.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "reboot", "--connection-request");
        Assert.Equal(0, exit);
        Assert.Contains("Connection request sent over http.", text, StringComparison.Ordinal);
        await woken.WaitAsync(Deadline);
        Assert.Contains("Reboot", cpe.Served);

        var bare = await rig.Admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "000000-Cli-" + Guid.NewGuid().ToString("N")[..8])]));
        (exit, text) = await cli.RunAsync("devices", "wake", bare.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, exit);
        Assert.Contains("Connection request unsupported", text, StringComparison.Ordinal);
    }

    /// <summary>A CPE that reports <paramref name="url"/> as its ConnectionRequestURL and listens nowhere.</summary>
    private static async Task<(SimulatedCpe Cpe, DeviceDto Device)> BootWithUrlAsync(ConnectionRequestRig rig, string url)
    {
        var cpe = rig.Acs.Cpe();
        cpe.Model.Find("Device.ManagementServer.ConnectionRequestURL")!.Value = url;
        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
        return (cpe, await rig.Acs.DeviceOfAsync(cpe));
    }
}

public sealed class SqliteConnectionRequestTests(SqliteApp app, ITestOutputHelper output) : ConnectionRequestTests(app, output), IClassFixture<SqliteApp>;

public sealed class PostgresConnectionRequestTests(PostgresApp app, ITestOutputHelper output) : ConnectionRequestTests(app, output), IClassFixture<PostgresApp>;
