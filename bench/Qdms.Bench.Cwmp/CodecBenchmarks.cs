using System.Buffers;
using System.Globalization;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Bench.Cwmp;

/// <summary>The codec work of one periodic-inform session: read the CPE's Inform, write the InformResponse and a GetParameterValues.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CodecBenchmarks
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly ArrayBufferWriter<byte> _output = new(16 * 1024);
    private byte[] _inform = [];
    private CwmpEnvelope _informResponse = null!;
    private CwmpEnvelope _getParameterValues = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inform = CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader("1804289383"), TypicalInform()));
        _informResponse = new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader("1804289383"), new InformResponse());
        _getParameterValues = new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader("q-17"), new GetParameterValuesRequest(
            ["Device.DeviceInfo.", "Device.ManagementServer.", "Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.2.SSID",
             "Device.IP.Interface.1.IPv4Address.1.IPAddress", "Device.Hosts.HostNumberOfEntries"]));
    }

    /// <summary>Bytes of the Inform read by <see cref="ReadInform"/>.</summary>
    public int InformBytes => _inform.Length;

    [Benchmark]
    public CwmpEnvelope ReadInform() => CwmpReader.Read(_inform);

    /// <summary>The floor under <see cref="ReadInform"/>: the same secure XmlReader visiting every node and building nothing.</summary>
    [Benchmark]
    public int XmlReaderPassOnly()
    {
        using var stream = new MemoryStream(_inform, writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        var nodes = 0;
        while (reader.Read())
            nodes++;
        return nodes;
    }

    [Benchmark]
    public int WriteInformResponse()
    {
        _output.ResetWrittenCount();
        CwmpWriter.Write(_informResponse, _output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int WriteGetParameterValues()
    {
        _output.ResetWrittenCount();
        CwmpWriter.Write(_getParameterValues, _output);
        return _output.WrittenCount;
    }

    /// <summary>An Inform as a TR-181 home gateway sends it on PERIODIC: the forced parameters plus value changes, 30 in all.</summary>
    private static InformRequest TypicalInform()
    {
        var parameters = new List<ParameterValue>
        {
            new("Device.RootDataModelVersion", "2.15"),
            new("Device.DeviceInfo.HardwareVersion", "HW-3.1"),
            new("Device.DeviceInfo.SoftwareVersion", "5.4.2-build.1187"),
            new("Device.DeviceInfo.ProvisioningCode", "ISP-RES"),
            new("Device.DeviceInfo.UpTime", "1209600", XsdTypes.UnsignedInt),
            new("Device.ManagementServer.ParameterKey", "cfg-2026-11-01"),
            new("Device.ManagementServer.ConnectionRequestURL", "http://198.51.100.23:7547/cr/7f3a9c"),
            new("Device.ManagementServer.AliasBasedAddressing", "false", XsdTypes.Boolean),
            new("Device.ManagementServer.PeriodicInformInterval", "300", XsdTypes.UnsignedInt),
            new("Device.IP.Interface.1.IPv4Address.1.IPAddress", "198.51.100.23"),
            new("Device.Time.CurrentLocalTime", "2026-11-22T04:05:06Z", XsdTypes.DateTime),
        };
        for (var i = parameters.Count; i < 30; i++)
            parameters.Add(new ParameterValue($"Device.WiFi.AccessPoint.{i}.AssociatedDeviceNumberOfEntries",
                (i * 7).ToString(CultureInfo.InvariantCulture), XsdTypes.UnsignedInt));
        return new InformRequest(
            new DeviceId("Acme Networks", "00D09E", "HGW-9000", "ACME00012345"),
            [new InformEvent("2 PERIODIC"), new InformEvent("4 VALUE CHANGE")],
            1, new DateTimeOffset(2026, 11, 22, 4, 5, 6, TimeSpan.Zero), 0, CwmpList.From(parameters));
    }
}
