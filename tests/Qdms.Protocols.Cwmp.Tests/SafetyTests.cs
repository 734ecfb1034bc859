using System.Text;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Protocols.Cwmp.Tests;

public sealed class SafetyTests
{
    private const string Head = """<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">""";

    private static CwmpReadError Refused(string xml, CwmpReaderLimits? limits = null) => Refused(Encoding.UTF8.GetBytes(xml), limits);

    private static CwmpReadError Refused(byte[] bytes, CwmpReaderLimits? limits = null)
    {
        Assert.False(CwmpReader.TryRead(bytes, limits, out _, out var error));
        var thrown = Assert.Throws<CwmpParseException>(() => CwmpReader.Read(bytes, limits));
        Assert.Equal(error, thrown.Error);
        return error;
    }

    [Fact]
    public void An_external_entity_is_refused_as_a_DTD()
    {
        var error = Refused("""
            <?xml version="1.0"?>
            <!DOCTYPE soap-env:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            """ + Head + "<soap-env:Body><cwmp:GetRPCMethodsResponse><MethodList><string>&xxe;</string></MethodList></cwmp:GetRPCMethodsResponse></soap-env:Body></soap-env:Envelope>");

        Assert.Equal(CwmpReadErrorKind.DtdProhibited, error.Kind);
    }

    [Fact]
    public void Billion_laughs_is_refused_as_a_DTD()
    {
        var entities = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        entities.Append(']').Append('>');

        var error = Refused(entities + Head + "<soap-env:Body><cwmp:Reboot><CommandKey>&lol9;</CommandKey></cwmp:Reboot></soap-env:Body></soap-env:Envelope>");

        Assert.Equal(CwmpReadErrorKind.DtdProhibited, error.Kind);
    }

    [Fact]
    public void An_internal_DTD_without_entities_is_refused()
    {
        Assert.Equal(CwmpReadErrorKind.DtdProhibited, Refused("<!DOCTYPE x>" + Head + "<soap-env:Body/></soap-env:Envelope>").Kind);
    }

    [Fact]
    public void A_DTD_in_UTF16_is_refused_by_the_parser_itself()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<!DOCTYPE x>" + Head + "<soap-env:Body/></soap-env:Envelope>")).ToArray();

        Assert.Equal(CwmpReadErrorKind.DtdProhibited, Refused(bytes).Kind);
    }

    [Fact]
    public void A_DOCTYPE_inside_a_CDATA_value_is_only_text()
    {
        var envelope = CwmpReader.Read(Encoding.UTF8.GetBytes(
            Head + "<soap-env:Body><cwmp:Reboot><CommandKey><![CDATA[<!DOCTYPE html>]]></CommandKey></cwmp:Reboot></soap-env:Body></soap-env:Envelope>"));

        Assert.Equal(new RebootRequest("<!DOCTYPE html>"), envelope.Body);
    }

    [Fact]
    public void An_envelope_over_the_size_limit_is_refused_before_parsing()
    {
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader("1"), SampleMessages.Inform(200));
        var bytes = CwmpWriter.ToArray(envelope);

        var error = Refused(bytes, new CwmpReaderLimits { MaxBytes = bytes.Length - 1 });

        Assert.Equal(CwmpReadErrorKind.TooLarge, error.Kind);
        Assert.True(CwmpReader.TryRead(bytes, new CwmpReaderLimits { MaxBytes = bytes.Length }, out _, out _));
    }

    [Fact]
    public void A_50_MB_stream_is_refused_after_reading_just_past_the_limit()
    {
        using var stream = new CountingStream(50 * 1024 * 1024);

        Assert.False(CwmpReader.TryRead(stream, CwmpReaderLimits.Default, out _, out var error));

        Assert.Equal(CwmpReadErrorKind.TooLarge, error.Kind);
        Assert.InRange(stream.Position, CwmpReaderLimits.Default.MaxBytes + 1, CwmpReaderLimits.Default.MaxBytes + 1);
    }

    [Fact]
    public async Task ReadAsync_reads_a_stream_and_throws_the_precise_error()
    {
        var bytes = CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp10, new CwmpHeader("9"), new RebootResponse()));
        using var good = new MemoryStream(bytes);
        Assert.IsType<RebootResponse>((await CwmpReader.ReadAsync(good)).Body);

        using var big = new CountingStream(10_000);
        var thrown = await Assert.ThrowsAsync<CwmpParseException>(() => CwmpReader.ReadAsync(big, new CwmpReaderLimits { MaxBytes = 1000 }).AsTask());
        Assert.Equal(CwmpReadErrorKind.TooLarge, thrown.Error.Kind);
    }

    [Fact]
    public void Nesting_past_the_depth_limit_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 40)) + string.Concat(Enumerable.Repeat("</a>", 40));

        var error = Refused(Head + "<soap-env:Body><cwmp:X>" + deep + "</cwmp:X></soap-env:Body></soap-env:Envelope>");

        Assert.Equal(CwmpReadErrorKind.TooDeep, error.Kind);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void More_elements_than_the_limit_are_refused()
    {
        var names = CwmpList.From(Enumerable.Repeat("a", CwmpReaderLimits.Default.MaxElements));
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp12, CwmpHeader.Empty, new GetParameterValuesRequest(names));
        var bytes = CwmpWriter.ToArray(envelope);

        var error = Refused(bytes);

        Assert.Equal(CwmpReadErrorKind.TooManyElements, error.Kind);
        Assert.True(bytes.Length < CwmpReaderLimits.Default.MaxBytes);
        Assert.True(CwmpReader.TryRead(bytes, new CwmpReaderLimits { MaxElements = names.Count + 4 }, out _, out _));
    }

    [Fact]
    public void A_string_over_the_length_limit_is_refused()
    {
        var value = new string('x', 1001);
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader("1"), new RebootRequest(value));

        var error = Refused(CwmpWriter.ToArray(envelope), new CwmpReaderLimits { MaxStringLength = 1000 });

        Assert.Equal(CwmpReadErrorKind.StringTooLong, error.Kind);
        Assert.Contains("CommandKey", error.Message);
    }

    [Fact]
    public void A_long_attribute_is_refused()
    {
        var error = Refused(Head + $"<soap-env:Body><cwmp:Reboot a=\"{new string('y', 2000)}\"/></soap-env:Body></soap-env:Envelope>",
            new CwmpReaderLimits { MaxStringLength = 1000 });

        Assert.Equal(CwmpReadErrorKind.StringTooLong, error.Kind);
    }

    [Fact]
    public void Indentation_of_a_large_list_does_not_count_as_a_long_string()
    {
        var items = string.Concat(Enumerable.Repeat("\n        <string>Device.</string>", 2000));

        var envelope = CwmpReader.Read(Encoding.UTF8.GetBytes(
            Head + "<soap-env:Body><cwmp:GetParameterValues><ParameterNames>" + items + "\n</ParameterNames></cwmp:GetParameterValues></soap-env:Body></soap-env:Envelope>"),
            new CwmpReaderLimits { MaxStringLength = 100 });

        Assert.Equal(2000, Assert.IsType<GetParameterValuesRequest>(envelope.Body).ParameterNames.Count);
    }

    [Theory]
    [InlineData("<notxml", CwmpReadErrorKind.Malformed)]
    [InlineData("<a></b>", CwmpReadErrorKind.Malformed)]
    [InlineData("<Envelope><Body/></Envelope>", CwmpReadErrorKind.UnsupportedNamespace)]
    [InlineData("<html><body/></html>", CwmpReadErrorKind.NotSoapEnvelope)]
    [InlineData("<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\"/>", CwmpReadErrorKind.NotSoapEnvelope)]
    [InlineData(Head + "<soap-env:Body><cwmp:Reboot/><cwmp:Reboot/></soap-env:Body></soap-env:Envelope>", CwmpReadErrorKind.InvalidContent)]
    [InlineData(Head + "<soap-env:Body><cwmp:ScheduleInform><DelaySeconds>-5</DelaySeconds></cwmp:ScheduleInform></soap-env:Body></soap-env:Envelope>", CwmpReadErrorKind.InvalidContent)]
    [InlineData(Head + "<soap-env:Body><cwmp:Inform><Event/></cwmp:Inform></soap-env:Body></soap-env:Envelope>", CwmpReadErrorKind.InvalidContent)]
    [InlineData(Head + "<soap-env:Body><cwmp:Inform><DeviceId><OUI>1</OUI><SerialNumber>2</SerialNumber></DeviceId><CurrentTime>yesterday</CurrentTime></cwmp:Inform></soap-env:Body></soap-env:Envelope>", CwmpReadErrorKind.InvalidContent)]
    [InlineData(Head + "<soap-env:Body><soap-env:Fault><faultcode>Client</faultcode></soap-env:Fault></soap-env:Body></soap-env:Envelope>", CwmpReadErrorKind.InvalidContent)]
    [InlineData(Head + "<soap-env:Body><cwmp:AddObjectResponse><InstanceNumber>x</InstanceNumber></cwmp:AddObjectResponse></soap-env:Body></soap-env:Envelope>", CwmpReadErrorKind.InvalidContent)]
    [InlineData(Head + "<soap-env:Body><cwmp:ChangeDUState><Operations/></cwmp:ChangeDUState></soap-env:Body></soap-env:Envelope>", CwmpReadErrorKind.InvalidContent)]
    [InlineData(Head + "<soap-env:Header><cwmp:HoldRequests>maybe</cwmp:HoldRequests></soap-env:Header><soap-env:Body/></soap-env:Envelope>", CwmpReadErrorKind.InvalidContent)]
    [InlineData("<x>&#1;</x>", CwmpReadErrorKind.Malformed)]
    public void Bad_input_is_refused_with_its_own_kind(string xml, CwmpReadErrorKind kind)
    {
        Assert.Equal(kind, Refused(xml).Kind);
    }

    [Fact]
    public void An_invalid_content_error_names_the_element_and_its_line()
    {
        var error = Refused(Head + "\n<soap-env:Body>\n<cwmp:SetParameterValuesResponse>\n  <Status>ok</Status></cwmp:SetParameterValuesResponse></soap-env:Body></soap-env:Envelope>");

        Assert.Equal(CwmpReadErrorKind.InvalidContent, error.Kind);
        Assert.Equal(4, error.Line);
        Assert.Contains("Status", error.Message);
        Assert.Contains("ok", error.Message);
    }

    [Fact]
    public void An_unknown_method_is_read_so_the_session_can_answer_method_not_supported()
    {
        var envelope = CwmpReader.Read(Encoding.UTF8.GetBytes(
            Head + "<soap-env:Header><cwmp:ID>5</cwmp:ID></soap-env:Header><soap-env:Body><cwmp:X_ACME_Frobnicate><A>1</A></cwmp:X_ACME_Frobnicate></soap-env:Body></soap-env:Envelope>"));

        Assert.Equal("5", envelope.Header.Id);
        Assert.Equal(new UnknownMessage("X_ACME_Frobnicate"), envelope.Body);
    }

    [Fact]
    public void Every_strict_prefix_of_a_valid_envelope_is_refused()
    {
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader("1", SessionTimeout: 30), SampleMessages.Inform(5));
        var bytes = CwmpWriter.ToArray(envelope);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(CwmpReader.TryRead(bytes.AsSpan(0, length), null, out _, out var error), $"prefix of {length} bytes accepted");
            Assert.Contains(error.Kind, new[] { CwmpReadErrorKind.Empty, CwmpReadErrorKind.Malformed });
        }
        Assert.True(CwmpReader.TryRead(bytes, null, out var read, out _));
        Assert.Equal(envelope, read);
    }

    [Fact]
    public void Invalid_limits_are_rejected_with_a_message()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CwmpReader.TryRead("<a/>"u8, new CwmpReaderLimits { MaxDepth = 1 }, out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => CwmpReader.TryRead("<a/>"u8, new CwmpReaderLimits { MaxBytes = int.MaxValue }, out _, out _));
    }

    /// <summary>An endless stream of 'a' bytes up to a length, recording how far it was read.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            Position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
