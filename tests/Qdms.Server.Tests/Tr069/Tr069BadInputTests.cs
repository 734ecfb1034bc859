using System.Diagnostics;
using System.Net;
using System.Text;
using Qdms.Protocols.Cwmp;
using Qdms.Server.Tests.Support;
using Qdms.Tools.CpeSim;

namespace Qdms.Server.Tests.Tr069;

/// <summary>What the ACS does with input a CPE should not send; each refusal counted once in the status, other sessions unharmed.</summary>
public sealed class Tr069BadInputTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Envelope = """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
        <soap:Header><cwmp:ID soap:mustUnderstand="1">{0}</cwmp:ID></soap:Header><soap:Body>{1}</soap:Body></soap:Envelope>
        """;

    [Fact]
    public async Task Malformed_xml_an_xxe_body_and_a_request_outside_a_session_are_400_and_other_cpes_go_on()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        using var raw = new RawCpe(acs.Url);

        var (status, body, _) = await raw.PostAsync("<soap:Envelope><soap:Body><cwmp:Inform>");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not a CWMP envelope", body, StringComparison.Ordinal);

        var xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, Envelope, "1", "<cwmp:Inform><DeviceId><OUI>&x;</OUI></DeviceId></cwmp:Inform>");
        (status, body, _) = await raw.PostAsync(xxe);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.Contains("Dtd", body, StringComparison.OrdinalIgnoreCase);

        (status, _, _) = await raw.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Envelope, "2", "<cwmp:GetRPCMethods/>"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, _, _) = await raw.PostAsync([]);
        Assert.Equal(HttpStatusCode.BadRequest, status);

        var cpe = acs.Cpe();
        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
        var engine = await acs.Admin.GetEngineAsync("tr069", acs.Index);
        Assert.Equal(("4", "1"), (engine.Details["badRequests"], engine.Details["sessionsStarted"]));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_with_or_without_a_content_length()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { maxBodyBytes = 64 * 1024 });
        using var raw = new RawCpe(acs.Url);
        var big = Encoding.UTF8.GetBytes(new string(' ', 200 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await raw.PostAsync(big)).Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await raw.PostAsync(big, chunked: true)).Status);
        Assert.Equal(HttpStatusCode.OK, (await raw.PostAsync(RawCpe.Inform("BIG1"))).Status); // a normal Inform still gets in
    }

    [Fact]
    public async Task An_unknown_rpc_in_a_session_gets_fault_8000_with_its_id_and_the_session_goes_on()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        using var raw = new RawCpe(acs.Url);
        Assert.Equal(HttpStatusCode.OK, (await raw.PostAsync(RawCpe.Inform("UNK1"))).Status);

        var (status, body, _) = await raw.PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Envelope, "vendor-7", "<cwmp:X_Vendor_Hello/>"));

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = CwmpReader.Read(Encoding.UTF8.GetBytes(body));
        Assert.Equal("vendor-7", answer.Header.Id);
        Assert.Equal(8000u, Assert.IsType<Qdms.Protocols.Cwmp.Messages.CwmpFault>(answer.Body).FaultCode);
        Assert.Equal(HttpStatusCode.NoContent, (await raw.PostAsync([])).Status);
    }

    [Fact]
    public async Task A_cwmp_1_0_cpe_is_answered_in_its_own_namespace_with_its_id()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        using var raw = new RawCpe(acs.Url);
        var inform = CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp10, new CwmpHeader("old-1"),
            new Qdms.Protocols.Cwmp.Messages.InformRequest(new("Old", "00BB22", "", "OLD1"), [new("1 BOOT")], 1, DateTimeOffset.UtcNow, 0, [])));

        var (status, body, _) = await raw.PostAsync(inform);

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = CwmpReader.Read(Encoding.UTF8.GetBytes(body));
        Assert.Equal((CwmpVersion.Cwmp10, "old-1"), (answer.Version, answer.Header.Id));
        Assert.IsType<Qdms.Protocols.Cwmp.Messages.InformResponse>(answer.Body);
        var device = Assert.Single((await acs.Admin.ListDevicesAsync(q: "OLD1")).Items);
        Assert.Contains(device.Identities, i => i.Key == "00BB22-OLD1"); // no product class: OUI-SerialNumber
    }

    [Fact]
    public async Task A_cwmp_1_0_cpe_sending_no_more_requests_in_every_message_runs_its_session_and_tasks()
    {
        var quirky = NoMoreRequestsQuirk.Add(CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp10, new CwmpHeader("q-1"), new Qdms.Protocols.Cwmp.Messages.GetRpcMethodsRequest())));
        Assert.Contains("<cwmp:NoMoreRequests soap-env:mustUnderstand=\"0\">1</cwmp:NoMoreRequests>", Encoding.UTF8.GetString(quirky), StringComparison.Ordinal);
        using var acs = await AcsUnderTest.StartAsync(app);
        var cpe = acs.Cpe(new CpeOptions(acs.Url, Version: CwmpVersion.Cwmp10, NoMoreRequests: true));
        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
        var device = await acs.DeviceOfAsync(cpe);
        var task = await acs.TaskAsync(device, "set", new Dictionary<string, object> { ["values"] = new Dictionary<string, object> { ["Device.WiFi.SSID.1.SSID"] = "quirky" } });

        Assert.True(Assert.Single(await cpe.PeriodicInformAsync(default)).Completed);

        Assert.Equal("done", (await acs.Admin.GetTaskAsync(task.Id)).Status);
        Assert.Equal("quirky", cpe.Model.ValueOf("Device.WiFi.SSID.1.SSID"));
    }

    [Fact]
    public async Task A_second_session_for_a_device_is_503_with_retry_after_until_the_first_ends()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        using var first = new RawCpe(acs.Url);
        using var second = new RawCpe(acs.Url);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync(RawCpe.Inform("DUP1"))).Status);

        var (status, _, response) = await second.PostAsync(RawCpe.Inform("DUP1"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync(RawCpe.Inform("OTHER1"))).Status); // another device is not held up

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync([])).Status);
        using var third = new RawCpe(acs.Url);
        Assert.Equal(HttpStatusCode.OK, (await third.PostAsync(RawCpe.Inform("DUP1"))).Status);
        Assert.Equal("1", (await acs.Admin.GetEngineAsync("tr069", acs.Index)).Details["sessionsRefused"]);
    }

    [Fact]
    public async Task A_cpe_that_stops_mid_session_fails_its_task_after_the_timeout_and_may_start_again()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { sessionTimeoutSeconds = 1 });
        using var raw = new RawCpe(acs.Url);
        Assert.Equal(HttpStatusCode.OK, (await raw.PostAsync(RawCpe.Inform("GONE1"))).Status);
        var device = Assert.Single((await acs.Admin.ListDevicesAsync(q: "GONE1")).Items);
        var task = await acs.TaskAsync(device, "get", new { path = "Device.DeviceInfo." });
        var (status, body, _) = await raw.PostAsync([]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("GetParameterNames", body, StringComparison.Ordinal); // a subtree never named: its names (and writability) first

        var cpe = acs.Cpe();
        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed); // meanwhile another CPE is served

        var deadline = Stopwatch.StartNew();
        var failed = await acs.Admin.GetTaskAsync(task.Id);
        while (failed.Status != "failed" && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50); // poll until the sweeper has run, bounded by the deadline
            failed = await acs.Admin.GetTaskAsync(task.Id);
        }

        Assert.Equal(("failed", "session"), (failed.Status, failed.FaultCode));
        Assert.Contains("GetParameterNames", failed.FaultMessage, StringComparison.Ordinal);
        using var again = new RawCpe(acs.Url);
        Assert.Equal(HttpStatusCode.OK, (await again.PostAsync(RawCpe.Inform("GONE1"))).Status);
    }
}
