using System.Buffers;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Tests;

public sealed class SnmpMessageTests
{
    public static TheoryData<string> Names => [.. SampleMessages.All.Select(s => s.Name)];

    private static SnmpMessage Sample(string name) => SampleMessages.All.Single(s => s.Name == name).Message;

    [Theory]
    [MemberData(nameof(Names))]
    public void Round_trips(string name)
    {
        var message = Sample(name);
        var bytes = message.ToArray();
        Assert.True(SnmpMessage.TryRead(bytes, out var back, out var error), error);
        Assert.Equal(message, back);
        Assert.Equal(Hex.Of(bytes), Hex.Of(back.ToArray()));
    }

    [Fact]
    public void Covers_every_pdu_kind_in_the_samples() =>
        Assert.Equal(Enum.GetValues<SnmpPduType>().Order(), SampleMessages.All.Select(s => s.Message.Pdu.Type).Distinct().Order());

    [Fact]
    public void Encodes_a_v1_get_request_as_rfc_1157_describes()
    {
        // version 0, community "public", GetRequest-PDU [0] { request-id 1, error-status 0, error-index 0, { { sysDescr.0, NULL } } }
        const string expected = "30 26 02 01 00 04 06 70 75 62 6C 69 63 A0 19 02 01 01 02 01 00 02 01 00 30 0E 30 0C 06 08 2B 06 01 02 01 01 01 00 05 00";
        var message = new SnmpMessage(SnmpVersion.V1, "public", SnmpPdu.GetRequest(1, Oid.Parse("1.3.6.1.2.1.1.1.0")));
        Assert.Equal(expected, Hex.Of(message.ToArray()));
    }

    [Fact]
    public void Encodes_a_get_bulk_request_with_non_repeaters_and_max_repetitions_in_the_error_fields()
    {
        // RFC 3416 §3: GetBulkRequest-PDU [5], non-repeaters 1, max-repetitions 10
        const string expected = "30 35 02 01 01 04 06 70 75 62 6C 69 63 A5 28 02 02 12 34 02 01 01 02 01 0A 30 1C " +
            "30 0B 06 07 2B 06 01 02 01 01 03 05 00 30 0D 06 09 2B 06 01 02 01 02 02 01 02 05 00";
        var bytes = Sample("v2c getbulk").ToArray();
        Assert.Equal(expected, Hex.Of(bytes));
        Assert.True(SnmpMessage.TryRead(bytes, out var back, out _));
        var pdu = Assert.IsType<SnmpPdu>(back.Pdu);
        Assert.Equal((1, 10), (pdu.NonRepeaters, pdu.MaxRepetitions));
    }

    [Fact]
    public void Writes_into_a_buffer_writer()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var written = Sample("v2c get").Write(buffer);
        Assert.Equal(Sample("v2c get").ToArray(), buffer.WrittenSpan.ToArray());
        Assert.Equal(written, buffer.WrittenCount);
    }

    [Theory]
    [InlineData("30 0B 02 01 03 04 00 A0 04 02 01 00 30", "offset 2: unsupported version 3")]
    [InlineData("30 03 02 01 01 00", "offset 5: unexpected data after the last element of the datagram")]
    [InlineData("30 12 02 01 01 04 00 A9 0B 02 01 00 02 01 00 02 01 00 30 00", "offset 7: tag 0xA9 is not a PDU")]
    [InlineData("30 12 02 01 01 04 00 A0 0B 02 01 00 02 01 00 02 01 00 31 00", "offset 18: expected tag 0x30 but found 0x31")]
    [InlineData("30 12 02 01 00 04 00 A5 0B 02 01 00 02 01 00 02 01 00 30 00", "offset 7: a GetBulkRequest PDU is not allowed in a V1 message")]
    [InlineData("30 13 02 01 01 04 00 A0 0C 02 01 00 02 01 00 02 01 00 30 00 00", "offset 20: unexpected data after the last element of a PDU")]
    public void Rejects_malformed_messages_naming_the_offset(string hex, string expected)
    {
        Assert.False(SnmpMessage.TryRead(Hex.Bytes(hex), out _, out var error));
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void Refuses_to_write_a_pdu_its_version_does_not_have()
    {
        var bulkInV1 = new SnmpMessage(SnmpVersion.V1, "public", SnmpPdu.GetBulkRequest(1, 0, 5, Oid.Parse("1.3")));
        Assert.Throws<InvalidOperationException>(() => bulkInV1.ToArray());
        var v1TrapInV2c = Sample("v1 trap") with { Version = SnmpVersion.V2c };
        Assert.Throws<InvalidOperationException>(() => v1TrapInV2c.ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Rejects_every_truncated_prefix_naming_an_offset(string name)
    {
        var bytes = Sample(name).ToArray();
        for (var length = 0; length < bytes.Length; length++)
        {
            var ok = SnmpMessage.TryRead(bytes.AsSpan(0, length), out _, out var error);
            Assert.False(ok, $"prefix of {length} bytes was accepted");
            Assert.Matches(@"^offset \d+: ", error);
        }
    }
}
