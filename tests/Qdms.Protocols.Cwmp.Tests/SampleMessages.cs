using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Protocols.Cwmp.Tests;

/// <summary>One instance of every message type, with values that exercise each field (escaping, optional parts, lists).</summary>
internal static class SampleMessages
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 11, 22, 3, 9, 1, 250, TimeSpan.Zero);

    public static InformRequest Inform(int parameters = 3) => new(
        new DeviceId("Acme & Sons <GmbH>", "00D09E", "IGD-4000", "SN 000123"),
        [new InformEvent("1 BOOT"), new InformEvent("M Reboot", "reboot-42"), new InformEvent("4 VALUE CHANGE")],
        1, new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.FromHours(2)), 0,
        CwmpList.From(Enumerable.Range(0, parameters).Select(i => (i % 3) switch
        {
            0 => new ParameterValue($"Device.DeviceInfo.X_Param{i}", $"value {i} with \"quotes\" & <angles>"),
            1 => new ParameterValue($"Device.IP.Interface.{i}.Stats.BytesSent", (i * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), XsdTypes.UnsignedInt),
            _ => new ParameterValue($"Device.IP.Interface.{i}.Enable", "true", XsdTypes.Boolean),
        })));

    public static IReadOnlyList<CwmpMessage> All { get; } =
    [
        new GetRpcMethodsRequest(),
        new GetRpcMethodsResponse(["Inform", "GetRPCMethods", "TransferComplete"]),
        new SetParameterValuesRequest(
            [new ParameterValue("Device.ManagementServer.PeriodicInformInterval", "300", XsdTypes.UnsignedInt),
             new ParameterValue("Device.WiFi.SSID.1.SSID", "  café ☕ \r\n\tline  ")], "key-1"),
        new SetParameterValuesResponse(1),
        new GetParameterValuesRequest(["Device.DeviceInfo.", "Device.ManagementServer.URL"]),
        new GetParameterValuesResponse(
            [new ParameterValue("Device.DeviceInfo.UpTime", "12345", XsdTypes.UnsignedInt),
             new ParameterValue("Device.Time.CurrentLocalTime", "2026-11-22T03:04:05Z", XsdTypes.DateTime),
             new ParameterValue("Device.X_VENDOR_Blob", "AAEC", XsdTypes.Base64),
             new ParameterValue("Device.X_VENDOR_Odd", "x", "IPAddress"),
             new ParameterValue("Device.Empty", "")]),
        new GetParameterNamesRequest("Device.IP.", true),
        new GetParameterNamesResponse([new ParameterInfo("Device.IP.Interface.", true), new ParameterInfo("Device.IP.IPv4Capable", false)]),
        new SetParameterAttributesRequest(
            [new ParameterAttributeChange("Device.DeviceInfo.SoftwareVersion", true, 2, false, []),
             new ParameterAttributeChange("Device.WiFi.", false, 0, true, ["Subscriber"])]),
        new SetParameterAttributesResponse(),
        new GetParameterAttributesRequest(["Device.DeviceInfo.SoftwareVersion"]),
        new GetParameterAttributesResponse([new ParameterAttribute("Device.DeviceInfo.SoftwareVersion", 2, ["Subscriber"])]),
        new AddObjectRequest("Device.IP.Interface.", "key-2"),
        new AddObjectResponse(7, 0),
        new DeleteObjectRequest("Device.IP.Interface.7.", "key-3"),
        new DeleteObjectResponse(1),
        new RebootRequest("reboot-42"),
        new RebootResponse(),
        new DownloadRequest("dl-1", "1 Firmware Upgrade Image", "http://acs.example/files/fw.bin?token=a&b=c", "user", "p@ss",
            1048576, "fw.bin", 5, "http://ok", "http://fail"),
        new DownloadResponse(1, CwmpTime.Unknown, CwmpTime.Unknown),
        new UploadRequest("ul-1", "1 Vendor Configuration File", "http://acs.example/upload", "u", "p", 10),
        new UploadResponse(0, Start, End),
        new FactoryResetRequest(),
        new FactoryResetResponse(),
        new ScheduleInformRequest(60, "si-1"),
        new ScheduleInformResponse(),
        new GetAllQueuedTransfersRequest(),
        new GetAllQueuedTransfersResponse(
            [new QueuedTransfer("dl-1", 2, true, "1 Firmware Upgrade Image", 1048576, "fw.bin"),
             new QueuedTransfer("ul-1", 1, false, "2 Vendor Log File", 0, "")]),
        new CancelTransferRequest("dl-1"),
        new CancelTransferResponse(),
        new ChangeDuStateRequest(
            [new DuInstallOperation("http://acs.example/du/app.ipk", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "u", "p", "Device.SoftwareModules.ExecEnv.1."),
             new DuUpdateOperation(Version: "2.0", Url: "http://acs.example/du/app2.ipk"),
             new DuUninstallOperation("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "1.0")], "cdu-1"),
        new ChangeDuStateRequest([new DuUpdateOperation()]),
        new ChangeDuStateResponse(),
        Inform(),
        new InformResponse(1),
        new TransferCompleteRequest("dl-1", TransferFault.None, Start, End),
        new TransferCompleteRequest("dl-2", new TransferFault(9010, "Download failure: 404"), Start, End),
        new TransferCompleteResponse(),
        new AutonomousTransferCompleteRequest("", "http://cdn.example/fw.bin", true, "1 Firmware Upgrade Image", 2048, "fw.bin",
            TransferFault.None, Start, End),
        new AutonomousTransferCompleteResponse(),
        new RequestDownloadRequest("1 Firmware Upgrade Image", [new FileTypeArg("Version", "2.1"), new FileTypeArg("Channel", "beta")]),
        new RequestDownloadResponse(),
        new DuStateChangeCompleteRequest(
            [new DuOperationResult("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "Device.SoftwareModules.DeploymentUnit.1.", "1.0",
                "Installed", true, "Device.SoftwareModules.ExecutionUnit.1.", Start, End, TransferFault.None),
             new DuOperationResult("", "", "", "Failed", false, "", Start, End, new TransferFault(9026, "Duplicate Deployment Unit"))], "cdu-1"),
        new DuStateChangeCompleteResponse(),
        CwmpFault.Create(CwmpFaultCodes.InvalidParameterValue, null,
            [new SetParameterValuesFault("Device.ManagementServer.PeriodicInformInterval", 9007, "Invalid parameter value"),
             new SetParameterValuesFault("Device.DeviceInfo.Manufacturer", 9008, "Attempt to set a non-writable parameter")]),
        new ScheduleDownloadRequest("sd-1", "1 Firmware Upgrade Image", "http://acs.example/fw2.bin", "", "", 0, "",
            [new TimeWindow(0, 3600, "3 When Idle", "Update tonight", -1), new TimeWindow(7200, 10800, "1 At Any Time")]),
        new ScheduleDownloadResponse(),
        new GetQueuedTransfersRequest(),
        new GetQueuedTransfersResponse([new TransferState("dl-1", 1), new TransferState("dl-2", 3)]),
        new AutonomousDuStateChangeCompleteRequest(
            [new DuOperationResult("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "Device.SoftwareModules.DeploymentUnit.2.", "3.1",
                "Installed", true, "", Start, End, TransferFault.None, "Update")]),
        new AutonomousDuStateChangeCompleteResponse(),
        new UnknownMessage("X_ACME_Diagnose"),
    ];
}
