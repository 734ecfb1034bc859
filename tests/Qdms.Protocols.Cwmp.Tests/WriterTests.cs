using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Protocols.Cwmp.Tests;

public sealed partial class WriterTests
{
    private static readonly XNamespace SoapEnc = CwmpNamespaces.SoapEncoding;
    private static readonly XNamespace Xsi = CwmpNamespaces.Xsi;

    [Fact]
    public void An_InformResponse_is_written_compactly_in_the_cpe_namespace()
    {
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp10, new CwmpHeader("1804289383"), new InformResponse());

        var xml = Encoding.UTF8.GetString(CwmpWriter.ToArray(envelope));

        Assert.Equal(
            """<?xml version="1.0" encoding="UTF-8"?><soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" """ +
            """xmlns:soap-enc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" """ +
            """xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">""" +
            """<soap-env:Header><cwmp:ID soap-env:mustUnderstand="1">1804289383</cwmp:ID></soap-env:Header>""" +
            """<soap-env:Body><cwmp:InformResponse><MaxEnvelopes>1</MaxEnvelopes></cwmp:InformResponse></soap-env:Body></soap-env:Envelope>""",
            xml);
    }

    [Theory]
    [InlineData(CwmpVersion.Cwmp10, "urn:dslforum-org:cwmp-1-0")]
    [InlineData(CwmpVersion.Cwmp11, "urn:dslforum-org:cwmp-1-1")]
    [InlineData(CwmpVersion.Cwmp12, "urn:dslforum-org:cwmp-1-2")]
    public void The_method_is_written_in_the_envelope_version_namespace(CwmpVersion version, string urn)
    {
        var document = XDocument.Parse(Encoding.UTF8.GetString(CwmpWriter.ToArray(
            new CwmpEnvelope(version, new CwmpHeader("1"), new GetParameterNamesRequest("Device.", true)))));

        var method = document.Root!.Elements().Last().Elements().Single();
        Assert.Equal(XName.Get("GetParameterNames", urn), method.Name);
        Assert.Equal(XName.Get("ID", urn), document.Root.Elements().First().Elements().Single().Name);
    }

    [Fact]
    public void Every_arrayType_count_matches_its_items_and_every_value_has_an_xsi_type()
    {
        var arrays = 0;
        foreach (var message in SampleMessages.All.Append(SampleMessages.Inform(37)))
        {
            var document = XDocument.Parse(Encoding.UTF8.GetString(CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp12, CwmpHeader.Empty, message))));
            foreach (var array in document.Descendants().Where(e => e.Attribute(SoapEnc + "arrayType") is not null))
            {
                var match = ArrayType().Match(array.Attribute(SoapEnc + "arrayType")!.Value);
                Assert.True(match.Success, array.ToString());
                Assert.Equal(array.Elements().Count(), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
                Assert.All(array.Elements(), item => Assert.Equal(match.Groups[1].Value.Split(':')[1], item.Name.LocalName));
                arrays++;
            }
            foreach (var value in document.Descendants("Value").Where(v => v.Parent!.Name.LocalName == "ParameterValueStruct"))
                Assert.StartsWith("xsd:", value.Attribute(Xsi + "type")!.Value);
        }
        Assert.True(arrays >= 15, $"only {arrays} arrays checked");
    }

    [Fact]
    public void Text_is_escaped_and_carriage_returns_survive()
    {
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp12, new CwmpHeader("a\"b"),
            new SetParameterValuesRequest([new ParameterValue("X", "<&>\r\n\"é")], "k"));

        var bytes = CwmpWriter.ToArray(envelope);
        var xml = Encoding.UTF8.GetString(bytes);

        Assert.Contains("<Value xsi:type=\"xsd:string\">&lt;&amp;&gt;&#13;\n&quot;é</Value>", xml);
        Assert.Equal("<&>\r\n\"é", Assert.IsType<SetParameterValuesRequest>(CwmpReader.Read(bytes).Body).ParameterList[0].Value);
    }

    [Fact]
    public void A_control_character_is_refused_naming_its_position()
    {
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp12, CwmpHeader.Empty, new RebootRequest("ab\u0001"));

        var thrown = Assert.Throws<ArgumentException>(() => CwmpWriter.ToArray(envelope));

        Assert.Contains("U+0001 at index 2", thrown.Message);
    }

    [Fact]
    public void Writing_into_a_caller_buffer_appends_the_same_bytes()
    {
        var envelope = new CwmpEnvelope(CwmpVersion.Cwmp11, new CwmpHeader("7"), SampleMessages.Inform(30));
        var buffer = new ArrayBufferWriter<byte>(16);

        CwmpWriter.Write(envelope, buffer);

        Assert.Equal(CwmpWriter.ToArray(envelope), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void An_empty_header_is_left_out_and_an_empty_body_is_self_closing()
    {
        var xml = Encoding.UTF8.GetString(CwmpWriter.ToArray(new CwmpEnvelope(CwmpVersion.Cwmp12, CwmpHeader.Empty, null)));

        Assert.DoesNotContain("Header", xml);
        Assert.EndsWith("<soap-env:Body/></soap-env:Envelope>", xml);
    }

    [GeneratedRegex(@"^([\w:]+)\[(\d+)\]$")]
    private static partial Regex ArrayType();
}
