using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Tests;

/// <summary>
/// Datagrams captured from net-snmp 5.9.3 (snmpd and its command-line tools, see TestData/capture.sh, which records
/// the command that produced each file in its first line).
/// </summary>
public sealed class GoldenCaptureTests
{
    public static readonly string[] Files =
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData"), "*.hex").Select(Path.GetFileName).Where(f => !f!.StartsWith("v3-", StringComparison.Ordinal)).Order()!];

    public static TheoryData<string> FileNames => [.. Files];

    private static SnmpMessage Read(string file)
    {
        Assert.True(SnmpMessage.TryRead(Hex.Capture(file), out var message, out var error), $"{file}: {error}");
        return message;
    }

    [Fact]
    public void Has_the_captures() => Assert.True(Files.Length >= 18, string.Join(", ", Files));

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Every_capture_decodes_and_re_encodes_to_the_same_bytes(string file)
    {
        var bytes = Hex.Capture(file);
        Assert.Equal(Hex.Of(bytes), Hex.Of(Read(file).ToArray()));
    }

    [Fact]
    public void V2c_get_response_carries_sysName_and_sysUpTime()
    {
        var request = Read("v2c-get.request.hex");
        var response = Read("v2c-get.response.hex");
        Assert.Equal(SnmpPduType.GetRequest, request.Pdu.Type);
        var pdu = Assert.IsType<SnmpPdu>(response.Pdu);
        Assert.Equal(((SnmpPdu)request.Pdu).RequestId, pdu.RequestId);
        Assert.Equal((SnmpVersion.V2c, "public"), (response.Version, System.Text.Encoding.ASCII.GetString(response.Community.Span)));
        Assert.Equal(".1.3.6.1.2.1.1.5.0 = STRING: \"qdms-snmp-peer\"", pdu.VarBinds[0].ToString());
        Assert.Equal(SnmpValueType.TimeTicks, pdu.VarBinds[1].Value.Type);
    }

    [Fact]
    public void V1_get_of_a_missing_object_answers_noSuchName_at_index_1()
    {
        var pdu = Assert.IsType<SnmpPdu>(Read("v1-nosuchname.response.hex").Pdu);
        Assert.Equal((SnmpErrorStatus.NoSuchName, 1), (pdu.ErrorStatus, pdu.ErrorIndex));
        Assert.Equal(SnmpVersion.V1, Read("v1-get.response.hex").Version);
    }

    [Fact]
    public void V2c_exceptions_are_decoded()
    {
        var nosuch = Read("v2c-nosuch.response.hex").Pdu.VarBinds;
        Assert.Equal([SnmpValueType.NoSuchObject, SnmpValueType.NoSuchInstance], nosuch.Select(v => v.Value.Type));
        Assert.Equal(SnmpValueType.EndOfMibView, Read("v2c-endofmibview.response.hex").Pdu.VarBinds[0].Value.Type);
    }

    [Fact]
    public void Get_bulk_honours_non_repeaters_and_max_repetitions()
    {
        var request = Assert.IsType<SnmpPdu>(Read("v2c-getbulk.request.hex").Pdu);
        Assert.Equal((SnmpPduType.GetBulkRequest, 1, 5), (request.Type, request.NonRepeaters, request.MaxRepetitions));
        var response = Read("v2c-getbulk.response.hex").Pdu.VarBinds;
        Assert.Equal(1 + 5, response.Count);
        Assert.Equal("1.3.6.1.2.1.1.3.0", response[0].Oid.ToString());
        Assert.Contains(response, v => v.Value.Type == SnmpValueType.Counter64);
        Assert.Contains(response, v => v.Value.Type == SnmpValueType.Counter32);
    }

    [Fact]
    public void Set_request_and_its_echo()
    {
        var set = Read("v2c-set.request.hex");
        Assert.Equal((SnmpPduType.SetRequest, "private"), (set.Pdu.Type, System.Text.Encoding.ASCII.GetString(set.Community.Span)));
        Assert.Equal("golden@example.net", set.Pdu.VarBinds[0].Value.AsString());
        var echo = Assert.IsType<SnmpPdu>(Read("v2c-set.response.hex").Pdu);
        Assert.Equal(SnmpErrorStatus.NoError, echo.ErrorStatus);
        Assert.Equal(set.Pdu.VarBinds, echo.VarBinds);
    }

    [Fact]
    public void V1_trap_fields()
    {
        var trap = Assert.IsType<TrapV1Pdu>(Read("v1-trap.request.hex").Pdu);
        Assert.Equal("1.3.6.1.4.1.8072.2.3", trap.Enterprise.ToString());
        Assert.Equal(new byte[] { 192, 0, 2, 7 }, trap.AgentAddress.ToArray());
        Assert.Equal((GenericTrap.EnterpriseSpecific, 17, 12345u), (trap.Generic, trap.Specific, trap.TimeStamp));
        Assert.Equal("trap", trap.VarBinds[0].Value.AsString());
    }

    [Fact]
    public void V2c_trap_starts_with_sysUpTime_and_snmpTrapOID()
    {
        var trap = Read("v2c-trap.request.hex").Pdu;
        Assert.Equal(SnmpPduType.TrapV2, trap.Type);
        Assert.Equal(SnmpValue.TimeTicks(54321), trap.VarBinds[0].Value);
        Assert.Equal("1.3.6.1.6.3.1.1.4.1.0", trap.VarBinds[1].Oid.ToString());
        Assert.Equal(SnmpValue.ObjectIdentifier(Oid.Parse("1.3.6.1.6.3.1.1.5.1")), trap.VarBinds[1].Value);
    }
}
