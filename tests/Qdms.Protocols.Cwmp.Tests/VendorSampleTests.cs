using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Protocols.Cwmp.Tests;

public sealed class VendorSampleTests
{
    internal static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    internal static IEnumerable<string> AllSamples() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData"), "*.xml").Select(Path.GetFileName)!;

    [Fact]
    public void A_cwmp_1_0_inform_with_crlf_odd_header_case_NoMoreRequests_and_wrong_array_counts_is_read()
    {
        var envelope = CwmpReader.Read(Sample("inform-cwmp10-crlf-uppercase-headers.xml"));

        Assert.Equal(CwmpVersion.Cwmp10, envelope.Version);
        Assert.Equal(new CwmpHeader("1804289383", HoldRequests: false), envelope.Header);
        var inform = Assert.IsType<InformRequest>(envelope.Body);
        Assert.Equal(new DeviceId("ACME", "00D09E", "HGW 9000", "AC0001"), inform.DeviceId);
        Assert.Equal([new InformEvent("0 BOOTSTRAP"), new InformEvent("1 BOOT")], inform.Events);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 3, 5, 6, TimeSpan.Zero), inform.CurrentTime);
        Assert.Equal(3u, inform.RetryCount);
        Assert.Equal(4, inform.ParameterList.Count);
        Assert.Equal(new ParameterValue("InternetGatewayDevice.DeviceInfo.UpTime", "86400", XsdTypes.UnsignedInt), inform.ParameterList[2]);
        Assert.Equal(new ParameterValue("InternetGatewayDevice.ManagementServer.ParameterKey", ""), inform.ParameterList[3]);
    }

    [Fact]
    public void Default_namespaces_CDATA_missing_xsi_types_and_a_local_time_are_read()
    {
        var envelope = CwmpReader.Read(Sample("inform-default-namespaces-cdata.xml"));

        Assert.Equal(CwmpVersion.Cwmp11, envelope.Version);
        Assert.Equal("abc", envelope.Header.Id);
        var inform = Assert.IsType<InformRequest>(envelope.Body);
        Assert.Equal("", inform.DeviceId.ProductClass);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 4, 5, 6, TimeSpan.Zero), inform.CurrentTime);
        Assert.Equal(
            [new ParameterValue("Device.DeviceInfo.Description", "<b>Widget</b> & co", XsdTypes.String),
             new ParameterValue("Device.DeviceInfo.X_Note", "plain & mixed text", XsdTypes.String)],
            inform.ParameterList);
    }

    [Fact]
    public void Qualified_children_other_prefixes_and_odd_xsi_types_are_read()
    {
        var envelope = CwmpReader.Read(Sample("gpv-response-mixed-prefixes-odd-types.xml"));

        Assert.Equal(CwmpVersion.Cwmp12, envelope.Version);
        var response = Assert.IsType<GetParameterValuesResponse>(envelope.Body);
        Assert.Equal(
            [new ParameterValue("Device.DeviceInfo.UpTime", "42", XsdTypes.UnsignedInt),
             new ParameterValue("Device.WiFi.SSID.1.Enable", "1", XsdTypes.Boolean),
             new ParameterValue("Device.X_ACME.Address", "192.0.2.1", "IPAddress"),
             new ParameterValue("Device.X_ACME.Untyped", "   padded   ", XsdTypes.String),
             new ParameterValue("Device.X_ACME.EmptyType", "x", XsdTypes.String)],
            response.ParameterList);
    }

    [Fact]
    public void A_SetParameterValues_fault_with_a_prefixed_faultcode_lists_each_parameter()
    {
        var envelope = CwmpReader.Read(Sample("spv-fault-soap-prefixed-faultcode.xml"));

        Assert.Equal("99", envelope.Header.Id);
        var fault = Assert.IsType<CwmpFault>(envelope.Body);
        Assert.Equal(9003u, fault.FaultCode);
        Assert.Equal("Client", fault.SoapFaultCode);
        Assert.Equal(
            [new SetParameterValuesFault("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID", 9007, "Invalid parameter value"),
             new SetParameterValuesFault("InternetGatewayDevice.DeviceInfo.Manufacturer", 9008, "Attempt to set a non-writable parameter")],
            fault.SetParameterValuesFaults);
    }

    [Fact]
    public void A_cwmp_Fault_sent_straight_in_the_Body_without_a_SOAP_Fault_is_read()
    {
        var envelope = CwmpReader.Read(
            """<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><cwmp:Fault xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><FaultCode>9005</FaultCode><FaultString>no such name</FaultString></cwmp:Fault></Body></Envelope>"""u8);

        Assert.Equal(new CwmpFault(9005, "no such name", "Client", []), envelope.Body);
    }

    [Fact]
    public void Lower_case_headers_and_zero_or_empty_times_are_read_as_the_unknown_time()
    {
        var envelope = CwmpReader.Read(Sample("transfercomplete-zero-times.xml"));

        Assert.Equal(new CwmpHeader("tc-1", SessionTimeout: 30, SupportedCwmpVersions: "1.0,1.1,1.2,1.3,1.4"), envelope.Header);
        Assert.Equal(new TransferCompleteRequest("dl-7", TransferFault.None, CwmpTime.Unknown, CwmpTime.Unknown), envelope.Body);
    }

    [Fact]
    public void An_envelope_with_an_empty_body_is_read_as_empty()
    {
        var envelope = CwmpReader.Read(Sample("empty-body-pretty.xml"));

        Assert.True(envelope.IsEmpty);
        Assert.Equal(CwmpVersion.Cwmp11, envelope.Version);
        Assert.Equal(CwmpHeader.Empty, envelope.Header);
    }

    [Fact]
    public void ChangeDUState_operations_nested_as_struct_elements_are_read()
    {
        var request = Assert.IsType<ChangeDuStateRequest>(CwmpReader.Read(Sample("changedustate-nested-structs.xml")).Body);

        Assert.Equal(
            [new DuInstallOperation("http://acs.example/du.ipk", ExecutionEnvRef: "Device.SoftwareModules.ExecEnv.1."),
             new DuUninstallOperation("6ba7b810-9dad-11d1-80b4-00c04fd430c8")],
            request.Operations);
        Assert.Null(request.CommandKey);
    }

    [Fact]
    public void Every_sample_written_back_reads_the_same()
    {
        foreach (var name in AllSamples())
        {
            var envelope = CwmpReader.Read(Sample(name));
            Assert.Equal(envelope, CwmpReader.Read(CwmpWriter.ToArray(envelope)));
        }
    }

    [Fact]
    public void Whitespace_only_bodies_are_empty_posts()
    {
        Assert.True(CwmpReader.IsEmptyPost([]));
        Assert.True(CwmpReader.IsEmptyPost(" \r\n\t"u8));
        Assert.False(CwmpReader.IsEmptyPost(" <"u8));
        Assert.False(CwmpReader.TryRead("\r\n"u8, null, out _, out var error));
        Assert.Equal(CwmpReadErrorKind.Empty, error.Kind);
    }

    [Fact]
    public void An_answer_to_a_cwmp_1_0_inform_is_written_in_1_0_with_the_same_ID()
    {
        var inform = CwmpReader.Read(Sample("inform-cwmp10-crlf-uppercase-headers.xml"));

        var answer = CwmpReader.Read(CwmpWriter.ToArray(inform.Answer(new InformResponse())));

        Assert.Equal(new CwmpEnvelope(CwmpVersion.Cwmp10, new CwmpHeader("1804289383"), new InformResponse(1)), answer);
        Assert.Contains("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"", System.Text.Encoding.UTF8.GetString(CwmpWriter.ToArray(answer)));
    }

    [Fact]
    public void A_latin1_declared_envelope_a_BOM_and_a_trailing_NUL_are_read()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes(
            """<?xml version="1.0" encoding="ISO-8859-1"?><Envelope xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><Body><cwmp:Reboot><CommandKey>café</CommandKey></cwmp:Reboot></Body></Envelope>""");
        var withBomAndNul = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(CwmpWriter.ToArray(
            new CwmpEnvelope(CwmpVersion.Cwmp11, CwmpHeader.Empty, new RebootRequest("naïve")))).Append((byte)0).ToArray();

        Assert.Equal(new RebootRequest("café"), CwmpReader.Read(latin1).Body);
        Assert.Equal(new RebootRequest("naïve"), CwmpReader.Read(withBomAndNul).Body);
    }

    [Fact]
    public void DUStateChangeComplete_results_are_read_as_repeated_elements_and_as_a_SOAP_array()
    {
        const string result = "<UUID>6ba7b810-9dad-11d1-80b4-00c04fd430c8</UUID><DeploymentUnitRef>Device.SoftwareModules.DeploymentUnit.1.</DeploymentUnitRef>"
            + "<Version>1.0</Version><CurrentState>Installed</CurrentState><Resolved>1</Resolved><ExecutionUnitRefList></ExecutionUnitRefList>"
            + "<StartTime>2026-11-22T03:04:05Z</StartTime><CompleteTime>2026-11-22T03:04:06Z</CompleteTime><Fault><FaultCode>0</FaultCode><FaultString></FaultString></Fault>";
        const string head = "<Envelope xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\"><Body><cwmp:DUStateChangeComplete>";
        const string tail = "<CommandKey>k</CommandKey></cwmp:DUStateChangeComplete></Body></Envelope>";

        var repeated = CwmpReader.Read(System.Text.Encoding.UTF8.GetBytes(head + $"<Results>{result}</Results><Results>{result}</Results>" + tail));
        var array = CwmpReader.Read(System.Text.Encoding.UTF8.GetBytes(
            head + $"<Results soap-enc:arrayType=\"cwmp:OpResultStruct[1]\" xmlns:soap-enc=\"http://schemas.xmlsoap.org/soap/encoding/\"><OpResultStruct>{result}</OpResultStruct><OpResultStruct>{result}</OpResultStruct></Results>" + tail));

        var expected = new DuOperationResult("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "Device.SoftwareModules.DeploymentUnit.1.", "1.0",
            "Installed", true, "", new DateTimeOffset(2026, 11, 22, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2026, 11, 22, 3, 4, 6, TimeSpan.Zero), TransferFault.None);
        Assert.Equal(new DuStateChangeCompleteRequest([expected, expected], "k"), repeated.Body);
        Assert.Equal(repeated.Body, array.Body);
        var written = System.Text.Encoding.UTF8.GetString(CwmpWriter.ToArray(repeated));
        Assert.Contains("<cwmp:DUStateChangeComplete><Results><UUID>", written);
        Assert.DoesNotContain("OpResultStruct", written);
    }
}
