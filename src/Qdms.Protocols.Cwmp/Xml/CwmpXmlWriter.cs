using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Qdms.Protocols.Cwmp.Xml;

/// <summary>
/// Writes compact UTF-8 XML straight into an <see cref="IBufferWriter{T}"/>: fixed prefixes (soap-env, soap-enc, xsd, xsi, cwmp),
/// no indentation, text escaped. Characters XML 1.0 cannot carry (controls other than tab and newline) are refused.
/// </summary>
internal readonly struct CwmpXmlWriter(IBufferWriter<byte> output)
{
    // '\r' is escaped so that it survives the reader's line-end normalisation; '"' only matters in attributes.
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "<>&\r\"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    public void Raw(ReadOnlySpan<byte> utf8)
    {
        var span = output.GetSpan(utf8.Length);
        utf8.CopyTo(span);
        output.Advance(utf8.Length);
    }

    public void Open(ReadOnlySpan<byte> name)
    {
        Raw("<"u8);
        Raw(name);
        Raw(">"u8);
    }

    public void Close(ReadOnlySpan<byte> name)
    {
        Raw("</"u8);
        Raw(name);
        Raw(">"u8);
    }

    public void Empty(ReadOnlySpan<byte> name)
    {
        Raw("<"u8);
        Raw(name);
        Raw("/>"u8);
    }

    /// <summary>Opens <c>&lt;cwmp:Method&gt;</c> (or closes it) for a method name held as a string.</summary>
    public void OpenMethod(string method)
    {
        Raw("<cwmp:"u8);
        Text(method);
        Raw(">"u8);
    }

    public void CloseMethod(string method)
    {
        Raw("</cwmp:"u8);
        Text(method);
        Raw(">"u8);
    }

    public void Element(ReadOnlySpan<byte> name, string value)
    {
        Open(name);
        Text(value);
        Close(name);
    }

    public void Element(ReadOnlySpan<byte> name, uint value)
    {
        Open(name);
        Number(value);
        Close(name);
    }

    public void Element(ReadOnlySpan<byte> name, int value)
    {
        Open(name);
        var span = output.GetSpan(11);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
        Close(name);
    }

    public void Element(ReadOnlySpan<byte> name, bool value)
    {
        Open(name);
        Raw(value ? "true"u8 : "false"u8);
        Close(name);
    }

    public void Element(ReadOnlySpan<byte> name, DateTimeOffset value) => Element(name, CwmpTime.Format(value));

    /// <summary>An element written only when <paramref name="value"/> is not null.</summary>
    public void Optional(ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
            Element(name, value);
    }

    /// <summary>Opens a SOAP-encoded array: <c>&lt;name soap-enc:arrayType="itemType[count]"&gt;</c>.</summary>
    public void OpenArray(ReadOnlySpan<byte> name, ReadOnlySpan<byte> itemType, int count)
    {
        Raw("<"u8);
        Raw(name);
        Raw(" soap-enc:arrayType=\""u8);
        Raw(itemType);
        Raw("["u8);
        Number((uint)count);
        Raw("]\">"u8);
    }

    /// <summary>An xsd:string array such as ParameterNames or MethodList.</summary>
    public void StringArray(ReadOnlySpan<byte> name, CwmpList<string> items)
    {
        OpenArray(name, "xsd:string"u8, items.Count);
        foreach (var item in items)
            Element("string"u8, item);
        Close(name);
    }

    /// <summary><c>&lt;Value xsi:type="xsd:type"&gt;value&lt;/Value&gt;</c>.</summary>
    public void TypedValue(string type, string value)
    {
        Raw("<Value xsi:type=\"xsd:"u8);
        Text(type);
        Raw("\">"u8);
        Text(value);
        Raw("</Value>"u8);
    }

    public void Number(uint value)
    {
        var span = output.GetSpan(10);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
    }

    /// <summary>Writes escaped text (valid in content and in double-quoted attributes).</summary>
    public void Text(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var stop = rest.IndexOfAny(Special);
            var run = stop < 0 ? rest : rest[..stop];
            if (!run.IsEmpty)
            {
                var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(run.Length));
                var written = Encoding.UTF8.GetBytes(run, span);
                output.Advance(written);
            }
            if (stop < 0)
                return;
            Raw(rest[stop] switch
            {
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '&' => "&amp;"u8,
                '"' => "&quot;"u8,
                '\r' => "&#13;"u8,
                var c => throw new ArgumentException(
                    $"U+{(int)c:X4} at index {value.Length - rest.Length + stop} cannot be written in XML 1.0", nameof(value)),
            });
            rest = rest[(stop + 1)..];
        }
    }

}
