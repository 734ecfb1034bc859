using System.Buffers;
using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp;

/// <summary>
/// Writes CWMP SOAP envelopes as compact UTF-8 XML in the envelope's own namespace version, with the prefixes
/// soap-env, soap-enc, xsd, xsi and cwmp, xsi:type on every value and SOAP-ENC arrayType counts that match the items.
/// </summary>
public static class CwmpWriter
{
    /// <summary>Writes <paramref name="envelope"/> to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">A string holds a character XML 1.0 cannot carry (a control character).</exception>
    public static void Write(CwmpEnvelope envelope, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var writer = new CwmpXmlWriter(output);
        writer.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"u8);
        writer.Raw("<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:soap-enc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\""u8);
        writer.Raw(envelope.Version switch
        {
            CwmpVersion.Cwmp10 => "urn:dslforum-org:cwmp-1-0"u8,
            CwmpVersion.Cwmp11 => "urn:dslforum-org:cwmp-1-1"u8,
            CwmpVersion.Cwmp12 => "urn:dslforum-org:cwmp-1-2"u8,
            _ => throw new ArgumentOutOfRangeException(nameof(envelope), envelope.Version, "unknown CWMP version"),
        });
        writer.Raw("\">"u8);
        WriteHeader(writer, envelope.Header);
        if (envelope.Body is null)
        {
            writer.Raw("<soap-env:Body/>"u8);
        }
        else
        {
            writer.Open("soap-env:Body"u8);
            envelope.Body.WriteBody(writer);
            writer.Close("soap-env:Body"u8);
        }
        writer.Close("soap-env:Envelope"u8);
    }

    /// <summary>Writes <paramref name="envelope"/> into a new array.</summary>
    public static byte[] ToArray(CwmpEnvelope envelope)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Write(envelope, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    // TR-069 Annex A.3.1.2 (ID, HoldRequests) and A.3.1.3 (SessionTimeout, SupportedCWMPVersions, UseCWMPVersion).
    private static void WriteHeader(CwmpXmlWriter writer, CwmpHeader header)
    {
        if (header.IsEmpty)
            return;
        writer.Open("soap-env:Header"u8);
        if (header.Id is not null)
        {
            writer.Raw("<cwmp:ID soap-env:mustUnderstand=\"1\">"u8);
            writer.Text(header.Id);
            writer.Close("cwmp:ID"u8);
        }
        if (header.HoldRequests is { } hold)
            writer.Raw(hold
                ? "<cwmp:HoldRequests soap-env:mustUnderstand=\"1\">true</cwmp:HoldRequests>"u8
                : "<cwmp:HoldRequests soap-env:mustUnderstand=\"1\">false</cwmp:HoldRequests>"u8);
        if (header.SessionTimeout is { } timeout)
        {
            writer.Raw("<cwmp:SessionTimeout soap-env:mustUnderstand=\"0\">"u8);
            writer.Number(timeout);
            writer.Close("cwmp:SessionTimeout"u8);
        }
        if (header.SupportedCwmpVersions is not null)
        {
            writer.Raw("<cwmp:SupportedCWMPVersions soap-env:mustUnderstand=\"0\">"u8);
            writer.Text(header.SupportedCwmpVersions);
            writer.Close("cwmp:SupportedCWMPVersions"u8);
        }
        if (header.UseCwmpVersion is not null)
        {
            writer.Raw("<cwmp:UseCWMPVersion soap-env:mustUnderstand=\"1\">"u8);
            writer.Text(header.UseCwmpVersion);
            writer.Close("cwmp:UseCWMPVersion"u8);
        }
        writer.Close("soap-env:Header"u8);
    }
}
