using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Tr069;

/// <summary>
/// Bad input the issue lists (a 50 MB body, billion laughs, malformed XML mid-session, unknown or misaddressed answers, faults
/// for nothing asked), each logged once with other sessions unharmed; and the CWMP 1.2–1.4 header elements.
/// </summary>
public sealed class Tr069ProtocolTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_50_mb_body_is_answered_413_long_before_the_client_has_sent_it(bool chunked)
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, acs.Url.Port);
        var stream = tcp.GetStream();
        var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {FiftyMegabytes}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: {acs.Url.Authority}\r\nContent-Type: text/xml\r\n{framing}\r\n\r\n"));

        long sent = 0, sentWhenAnswered = -1;
        var answer = Task.Run(async () =>
        {
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer);
            Interlocked.Exchange(ref sentWhenAnswered, Interlocked.Read(ref sent));
            return Encoding.ASCII.GetString(buffer, 0, read);
        });
        var piece = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        var chunkHead = Encoding.ASCII.GetBytes($"{piece.Length:x}\r\n");
        try
        {
            while (sent < FiftyMegabytes && !answer.IsCompleted)
            {
                if (chunked)
                {
                    await stream.WriteAsync(chunkHead);
                }

                await stream.WriteAsync(piece);
                if (chunked)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray());
                }

                Interlocked.Add(ref sent, piece.Length);
            }
        }
        catch (IOException)
        {
            // the server closed the connection on the body it refused
        }

        var statusLine = await answer.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("HTTP/1.1 413", statusLine, StringComparison.Ordinal);
        Assert.InRange(Interlocked.Read(ref sentWhenAnswered), 0, FiftyMegabytes / 4); // the server did not wait for (or buffer) the body
    }

    [Fact]
    public async Task A_billion_laughs_body_is_400_dtd_prohibited_without_expanding_anything()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        using var raw = new RawCpe(acs.Url);
        var dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        }

        dtd.Append("]><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><lolz>&lol9;</lolz></soap:Body></soap:Envelope>");
        using var process = Process.GetCurrentProcess();
        var before = process.WorkingSet64;

        var (status, body, _) = await raw.PostAsync(dtd.ToString());

        process.Refresh();
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("DtdProhibited", body, StringComparison.Ordinal);
        Assert.InRange(process.WorkingSet64 - before, long.MinValue, 256L * 1024 * 1024); // 10^9 "lol"s would be gigabytes
    }

    [Fact]
    public async Task Malformed_xml_mid_session_fails_the_outstanding_task_once_while_another_cpe_completes_its_own()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var logs = CapturedLogs.AttachTo(app.Services);
        using var raw = new RawCpe(acs.Url);
        var (device, task) = await SessionWithTaskAsync(acs, raw, "MAL1");
        Assert.Contains("GetParameterValues", (await raw.PostAsync([])).Body, StringComparison.Ordinal);
        var other = acs.Cpe();
        await other.BootAsync(default);
        var otherTask = await acs.TaskAsync(await acs.DeviceOfAsync(other), "get", new { path = "Device.DeviceInfo.SoftwareVersion" });

        var otherSession = other.PeriodicInformAsync(default); // runs while MAL1's session is open
        var (status, _, _) = await raw.PostAsync("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><cwmp:GetParameterValuesResponse>");
        Assert.True(Assert.Single(await otherSession).Completed);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var failed = await acs.Admin.GetTaskAsync(task.Id);
        Assert.Equal(("failed", "session"), (failed.Status, failed.FaultCode));
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(otherTask.Id)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await raw.PostAsync([])).Status); // the session is over
        Assert.Equal(1, logs.Count(3003, device.Name)); // dropped: logged once
    }

    [Fact]
    public async Task An_unknown_response_from_the_cpe_fails_the_task_with_protocol_and_the_session_goes_on()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        using var raw = new RawCpe(acs.Url);
        var (device, task) = await SessionWithTaskAsync(acs, raw, "UNR1");
        var next = await acs.TaskAsync(device, "get", new { path = "Device.DeviceInfo.HardwareVersion" });
        var rpc = Read((await raw.PostAsync([])).Body);

        var (status, body, _) = await raw.PostAsync(Envelope(rpc.Header.Id!, "<cwmp:X_Vendor_FrobnicateResponse><Status>0</Status></cwmp:X_Vendor_FrobnicateResponse>"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"task-{next.Id}", Read(body).Header.Id); // the next task's RPC
        var failed = await acs.Admin.GetTaskAsync(task.Id);
        Assert.Equal(("failed", "protocol"), (failed.Status, failed.FaultCode));
        Assert.Contains("X_Vendor_FrobnicateResponse", failed.FaultMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_with_the_wrong_cwmp_id_fails_the_awaited_task_once_and_leaves_the_named_task_alone()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var logs = CapturedLogs.AttachTo(app.Services);
        using var raw = new RawCpe(acs.Url);
        var (device, task) = await SessionWithTaskAsync(acs, raw, "WID1");
        var next = await acs.TaskAsync(device, "get", new { path = "Device.DeviceInfo.HardwareVersion" });
        var bystander = await BystanderTaskAsync(acs);
        Assert.Equal($"task-{task.Id}", Read((await raw.PostAsync([])).Body).Header.Id);

        var answer = CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader($"task-{bystander.Id}"),
            new GetParameterValuesResponse([new ParameterValue("Device.DeviceInfo.SoftwareVersion", "9.9", XsdTypes.String)])));
        var (_, body, _) = await raw.PostAsync(answer);

        var rpc = Read(body);
        Assert.Equal($"task-{next.Id}", rpc.Header.Id);
        var failed = await acs.Admin.GetTaskAsync(task.Id);
        Assert.Equal(("failed", "protocol"), (failed.Status, failed.FaultCode));
        Assert.Contains($"task-{bystander.Id}", failed.FaultMessage, StringComparison.Ordinal);
        Assert.Equal("queued", (await acs.Admin.GetTaskAsync(bystander.Id)).Status);
        Assert.DoesNotContain(await acs.Admin.ListParametersAsync(device.Id), p => p.Value == "9.9"); // nothing of the stray answer stored

        var good = CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader(rpc.Header.Id),
            new GetParameterValuesResponse([new ParameterValue("Device.DeviceInfo.HardwareVersion", "HW-2", XsdTypes.String)])));
        Assert.Equal(HttpStatusCode.NoContent, (await raw.PostAsync(good)).Status);
        Assert.Equal("done", (await acs.Admin.GetTaskAsync(next.Id)).Status);
        Assert.Equal(1, logs.Count(3044, "WID1"));
    }

    [Fact]
    public async Task A_fault_for_nothing_the_acs_asked_is_ignored_and_logged_once_and_other_tasks_stay()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        var logs = CapturedLogs.AttachTo(app.Services);
        using var raw = new RawCpe(acs.Url);
        Assert.Equal(HttpStatusCode.OK, (await raw.PostAsync(RawCpe.Inform("FLT1"))).Status);
        var bystander = await BystanderTaskAsync(acs);

        var fault = CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader($"task-{bystander.Id}"), CwmpFault.Create(CwmpFaultCodes.InvalidArguments)));
        var (status, _, _) = await raw.PostAsync(fault);

        Assert.Equal(HttpStatusCode.NoContent, status); // nothing queued for FLT1: the session ends normally
        Assert.Equal("queued", (await acs.Admin.GetTaskAsync(bystander.Id)).Status);
        Assert.Equal(1, logs.Count(3045, "FLT1"));
    }

    [Theory]
    [InlineData("1.0,1.1,1.2,1.3,1.4,1.5", "1.4")]
    [InlineData(" 1.0 , 1.2 ", "1.2")]
    [InlineData("2.0,junk", null)]
    [InlineData(null, null)]
    public async Task The_inform_response_uses_the_highest_cwmp_version_in_common(string? supported, string? expected)
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        using var raw = new RawCpe(acs.Url);
        var serial = "VER" + Guid.NewGuid().ToString("N")[..6];

        var (status, body, _) = await raw.PostAsync(Inform(serial, new CwmpHeader("v-1", SupportedCwmpVersions: supported)));

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = Read(body);
        Assert.IsType<InformResponse>(answer.Body);
        Assert.Equal(("v-1", expected), (answer.Header.Id, answer.Header.UseCwmpVersion));
    }

    [Fact]
    public async Task Hold_requests_from_a_cpe_is_accepted_and_changes_nothing()
    {
        using var acs = await AcsUnderTest.StartAsync(app);
        using var raw = new RawCpe(acs.Url);

        var (status, body, _) = await raw.PostAsync(Inform("HOLD1", new CwmpHeader("h-1", HoldRequests: true)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(Read(body).Header.HoldRequests);
        Assert.Equal(HttpStatusCode.NoContent, (await raw.PostAsync([])).Status);
    }

    [Fact]
    public async Task A_request_while_the_acs_holds_requests_is_answered_8005_under_the_same_hold()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { holdRequests = true });
        var logs = CapturedLogs.AttachTo(app.Services);
        using var raw = new RawCpe(acs.Url);
        var (_, informed, _) = await raw.PostAsync(RawCpe.Inform("HLD2"));
        Assert.True(Read(informed).Header.HoldRequests);

        var (status, body, _) = await raw.PostAsync(Envelope("rq-1", "<cwmp:GetRPCMethods/>"));

        Assert.Equal(HttpStatusCode.OK, status);
        var answer = Read(body);
        Assert.Equal(("rq-1", true), (answer.Header.Id, answer.Header.HoldRequests));
        Assert.Equal(8005u, Assert.IsType<CwmpFault>(answer.Body).FaultCode);
        Assert.Equal(HttpStatusCode.NoContent, (await raw.PostAsync([])).Status); // no task: the hold is released
        Assert.IsType<GetRpcMethodsResponse>(Read((await raw.PostAsync(Envelope("rq-2", "<cwmp:GetRPCMethods/>"))).Body).Body); // now it may
        Assert.Equal(HttpStatusCode.NoContent, (await raw.PostAsync([])).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await raw.PostAsync([])).Status); // and that ended it
        Assert.Equal(1, logs.Count(3046, "HLD2"));
    }

    [Fact]
    public async Task An_upload_larger_than_maxBodyBytes_streams_into_the_repository_and_a_transfer_complete_without_a_file_fails()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { maxBodyBytes = 64 * 1024 });
        using var raw = new RawCpe(acs.Url);
        var (device, _) = await SessionWithTaskAsync(acs, raw, "UPL1");
        Assert.Equal(HttpStatusCode.OK, (await raw.PostAsync([])).Status); // answer the get with nothing: it fails, the session goes on
        var upload = await acs.TaskAsync(device, "upload", new { fileType = "2 Vendor Log File", name = "big.log" });
        var missing = await acs.TaskAsync(device, "upload");
        var rpc = Read((await raw.PostAsync(Envelope("x", "<cwmp:GetParameterValuesResponse><ParameterList/></cwmp:GetParameterValuesResponse>"))).Body);
        var request = Assert.IsType<UploadRequest>(rpc.Body);
        Assert.Equal("2 Vendor Log File", request.FileType);

        var content = Qdms.Server.Tests.Files.FileUploads.Bytes(1_000_000, seed: 9);
        using (var http = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.Created, (await http.PutAsync(request.Url, new ByteArrayContent(content))).StatusCode);
        }

        var accepted = CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp12, rpc.Header, new UploadResponse(1, CwmpTime.Unknown, CwmpTime.Unknown)));
        var second = Read((await raw.PostAsync(accepted)).Body); // the next task: the upload nobody will send
        Assert.IsType<UploadRequest>(second.Body);
        Assert.Equal(HttpStatusCode.NoContent, (await raw.PostAsync(CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp12, second.Header, new UploadResponse(1, CwmpTime.Unknown, CwmpTime.Unknown))))).Status);

        using var again = new RawCpe(acs.Url);
        Assert.Equal(HttpStatusCode.OK, (await again.PostAsync(RawCpe.Inform("UPL1"))).Status);
        foreach (var task in new[] { upload, missing })
        {
            var complete = CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader("tc"),
                new TransferCompleteRequest($"task-{task.Id}", TransferFault.None, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)));
            Assert.IsType<TransferCompleteResponse>(Read((await again.PostAsync(complete)).Body).Body);
        }

        var done = await acs.Admin.GetTaskAsync(upload.Id);
        Assert.Equal("done", done.Status);
        var file = await acs.Admin.GetFileAsync(done.Result!.Value.GetProperty("fileId").GetInt64());
        Assert.Equal(("big.log", "other", 1_000_000L, device.TenantId), (file.FileName, file.Type, file.Size, file.TenantId));
        var failed = await acs.Admin.GetTaskAsync(missing.Id);
        Assert.Equal(("failed", "upload"), (failed.Status, failed.FaultCode));
    }

    [Fact]
    public async Task A_session_timeout_announced_by_the_cpe_is_the_sessions_idle_timeout()
    {
        using var acs = await AcsUnderTest.StartAsync(app, new { sessionTimeoutSeconds = 600 });
        using var raw = new RawCpe(acs.Url);
        Assert.Equal(HttpStatusCode.OK, (await raw.PostAsync(Inform("STO1", new CwmpHeader("s-1", SessionTimeout: 1)))).Status);
        var device = Assert.Single((await acs.Admin.ListDevicesAsync(q: "STO1")).Items);
        var task = await acs.TaskAsync(device, "get", new { path = "Device.DeviceInfo.SoftwareVersion" });
        Assert.Equal(HttpStatusCode.OK, (await raw.PostAsync([])).Status);

        var failed = await Tr069TaskKindTests.PollAsync(acs, task.Id, t => t.Status != "sent"); // well before the engine's 600 s

        Assert.Equal(("failed", "session"), (failed.Status, failed.FaultCode));
    }

    private static async Task<(Qdms.Contracts.DeviceDto Device, Qdms.Contracts.DeviceTaskDto Task)> SessionWithTaskAsync(AcsUnderTest acs, RawCpe raw, string serial)
    {
        Assert.Equal(HttpStatusCode.OK, (await raw.PostAsync(RawCpe.Inform(serial))).Status);
        var device = Assert.Single((await acs.Admin.ListDevicesAsync(q: serial)).Items);
        var task = await acs.TaskAsync(device, "get", new { path = "Device.DeviceInfo.SoftwareVersion" });
        return (device, task);
    }

    /// <summary>A queued task of another device, which no stray cwmp:ID may touch.</summary>
    private static async Task<Qdms.Contracts.DeviceTaskDto> BystanderTaskAsync(AcsUnderTest acs)
    {
        using var other = new RawCpe(acs.Url);
        var serial = "BY" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync(RawCpe.Inform(serial))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await other.PostAsync([])).Status);
        var device = Assert.Single((await acs.Admin.ListDevicesAsync(q: serial)).Items);
        return await acs.TaskAsync(device, "reboot");
    }

    private static byte[] Inform(string serial, CwmpHeader header) => CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp12, header,
        new InformRequest(new DeviceId("Raw", "00AA11", "RawBox", serial), [new InformEvent("2 PERIODIC")], 1, DateTimeOffset.UtcNow, 0, [])));

    private static byte[] Envelope(string id, string body) => Encoding.UTF8.GetBytes(
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\">"
        + $"<soap:Header><cwmp:ID soap:mustUnderstand=\"1\">{id}</cwmp:ID></soap:Header><soap:Body>{body}</soap:Body></soap:Envelope>");

    private static CwmpEnvelope Read(string body) => CwmpReader.Read(Encoding.UTF8.GetBytes(body));
}
