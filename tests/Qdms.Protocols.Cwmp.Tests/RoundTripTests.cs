using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Protocols.Cwmp.Tests;

public sealed class RoundTripTests
{
    public static TheoryData<int, CwmpVersion> Messages()
    {
        var data = new TheoryData<int, CwmpVersion>();
        for (var i = 0; i < SampleMessages.All.Count; i++)
        {
            foreach (var version in Enum.GetValues<CwmpVersion>())
                data.Add(i, version);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_reads_back_equal_to_what_was_written(int index, CwmpVersion version)
    {
        var envelope = new CwmpEnvelope(version, new CwmpHeader(Id: $"id-{index}"), SampleMessages.All[index]);

        var bytes = CwmpWriter.ToArray(envelope);
        var read = CwmpReader.Read(bytes);

        Assert.Equal(envelope, read);
        Assert.Equal(bytes, CwmpWriter.ToArray(read));
    }

    [Fact]
    public void The_samples_cover_every_message_the_catalog_knows()
    {
        var sampled = SampleMessages.All.Select(m => m.MethodName).ToHashSet(StringComparer.Ordinal);

        var missing = CwmpMessageCatalog.Names.Where(n => !sampled.Contains(n)).ToList();

        Assert.Empty(missing);
        Assert.Equal(49, CwmpMessageCatalog.Names.Count());
    }

    public static TheoryData<uint> FaultCodes()
    {
        var data = new TheoryData<uint>();
        foreach (var entry in CwmpFaultCodes.All)
            data.Add(entry.Code);
        return data;
    }

    [Theory]
    [MemberData(nameof(FaultCodes))]
    public void Every_standard_fault_reads_back_with_its_code_string_and_soap_faultcode(uint code)
    {
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader("f"), CwmpFault.Create(code));

        var read = CwmpReader.Read(CwmpWriter.ToArray(envelope));

        var fault = Assert.IsType<CwmpFault>(read.Body);
        Assert.Equal(code, fault.FaultCode);
        Assert.Equal(CwmpFaultCodes.Describe(code), fault.FaultString);
        Assert.Equal(code is 8003 or 9003 or (>= 9005 and <= 9008) or 9021 or (>= 9022 and <= 9032 and not 9027) ? "Client" : "Server",
            fault.SoapFaultCode);
        Assert.Equal(envelope, read);
    }

    [Fact]
    public void Fault_code_table_holds_8000_to_8006_and_9000_to_9032()
    {
        var codes = CwmpFaultCodes.All.Select(e => e.Code).ToArray();

        Assert.Equal(Enumerable.Range(8000, 7).Concat(Enumerable.Range(9000, 33)).Select(i => (uint)i), codes);
        Assert.Equal("Invalid parameter name", CwmpFaultCodes.Describe(9005));
        Assert.Equal("Vendor defined CPE fault", CwmpFaultCodes.Describe(9850));
    }

    [Fact]
    public void Every_header_element_reads_back()
    {
        var header = new CwmpHeader("abc<&>", true, 60, "1.0,1.1,1.2,1.3,1.4", "1.4");
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp12, header, new InformResponse());

        Assert.Equal(envelope, CwmpReader.Read(CwmpWriter.ToArray(envelope)));
        Assert.Equal(header with { HoldRequests = false },
            CwmpReader.Read(CwmpWriter.ToArray(envelope with { Header = header with { HoldRequests = false } })).Header);
    }

    [Fact]
    public void An_empty_body_reads_back_as_an_empty_envelope()
    {
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp10, CwmpHeader.Empty, null);

        var read = CwmpReader.Read(CwmpWriter.ToArray(envelope));

        Assert.True(read.IsEmpty);
        Assert.Equal(envelope, read);
    }

    [Fact]
    public void An_inform_with_many_parameters_reads_back()
    {
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp11, new CwmpHeader("1"), SampleMessages.Inform(2000));

        Assert.Equal(envelope, CwmpReader.Read(CwmpWriter.ToArray(envelope)));
    }
}
