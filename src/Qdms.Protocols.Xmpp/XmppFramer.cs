using System.Buffers;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Qdms.Protocols.Xmpp;

/// <summary>
/// Cuts the server's never-ending stream document into frames: the stream header, each complete first-level element and
/// the closing tag. A small byte scanner tracks tag depth (quotes respected); each first-level element is then parsed
/// alone by an <see cref="XmlReader"/> with DTDs prohibited and no resolver, under the stream header's namespace
/// declarations. Refused as RFC 6120 §11.1 requires: comments, processing instructions, DTDs (anything after <c>&lt;!</c>,
/// CDATA included); refused as limits: an element over <c>maxStanzaBytes</c> or nested deeper than <see cref="MaxDepth"/>.
/// </summary>
internal sealed class XmppFramer(int maxStanzaBytes)
{
    /// <summary>The deepest nesting accepted inside a stanza.</summary>
    public const int MaxDepth = 32;

    private readonly ArrayBufferWriter<byte> _element = new(1024);
    private readonly Queue<XmppFrame> _frames = new();
    private readonly Dictionary<string, string> _namespaces = new(StringComparer.Ordinal);
    private State _state = State.Text;
    private int _depth;
    private bool _endTag;
    private byte _quote;
    private byte _last;
    private byte _previous;

    private enum State
    {
        Text,
        TagStart,
        InTag,
        Declaration,
    }

    /// <summary>True when no frame is queued and no element is half read (safe to switch the transport under it).</summary>
    public bool IsIdle => _frames.Count == 0 && _state == State.Text && _element.WrittenCount == 0;

    /// <summary>Forgets the stream: the next thing expected is a new stream header (after STARTTLS or SASL success).</summary>
    public void Restart()
    {
        _frames.Clear();
        _element.Clear();
        _namespaces.Clear();
        _state = State.Text;
        _depth = 0;
    }

    /// <summary>Takes the next complete frame, if any.</summary>
    public bool TryDequeue(out XmppFrame frame) => _frames.TryDequeue(out frame);

    /// <summary>Scans <paramref name="bytes"/>, queueing each frame it completes; throws <see cref="XmppStreamException"/> on refused input.</summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            Step(b);
        }
    }

    private void Step(byte b)
    {
        switch (_state)
        {
            case State.Text:
                if (b == (byte)'<')
                {
                    if (_depth <= 1)
                    {
                        _element.Clear();
                    }

                    Append(b);
                    _state = State.TagStart;
                }
                else if (_depth >= 2)
                {
                    Append(b);
                }
                else if (!IsWhitespace(b) && !(_depth == 0 && b is 0xEF or 0xBB or 0xBF))
                {
                    throw new XmppStreamException("not-well-formed", "the server sent text outside any stanza");
                }

                break;
            case State.TagStart:
                if (b == (byte)'?')
                {
                    if (_depth != 0)
                    {
                        throw new XmppStreamException("restricted-xml", "the server sent a processing instruction inside the stream");
                    }

                    _element.Clear();
                    _state = State.Declaration;
                    break;
                }

                if (b == (byte)'!')
                {
                    throw new XmppStreamException("restricted-xml", "the server sent a comment, CDATA section or DTD, which XMPP prohibits");
                }

                Append(b);
                _endTag = b == (byte)'/';
                _quote = 0;
                _last = b;
                _state = State.InTag;
                break;
            case State.InTag:
                Append(b);
                if (_quote != 0)
                {
                    if (b == _quote)
                    {
                        _quote = 0;
                    }
                }
                else if (b is (byte)'"' or (byte)'\'')
                {
                    _quote = b;
                }
                else if (b == (byte)'>')
                {
                    _state = State.Text;
                    TagClosed(selfClosing: !_endTag && _last == (byte)'/');
                    break;
                }

                if (!IsWhitespace(b))
                {
                    _last = b;
                }

                break;
            case State.Declaration:
                if (b == (byte)'>' && _previous == (byte)'?')
                {
                    _state = State.Text;
                }

                break;
        }

        _previous = b;
    }

    private void TagClosed(bool selfClosing)
    {
        if (_endTag)
        {
            _depth--;
            if (_depth == 0)
            {
                _element.Clear();
                _frames.Enqueue(new XmppFrame(XmppFrameKind.StreamEnd, null));
            }
            else if (_depth == 1)
            {
                _frames.Enqueue(new XmppFrame(XmppFrameKind.Element, ParseElement()));
            }
            else if (_depth < 0)
            {
                throw new XmppStreamException("not-well-formed", "the server closed an element it never opened");
            }

            return;
        }

        if (_depth == 0)
        {
            if (selfClosing)
            {
                throw new XmppStreamException("not-well-formed", "the server's stream header closed itself");
            }

            _frames.Enqueue(new XmppFrame(XmppFrameKind.StreamHeader, ParseHeader()));
            _depth = 1;
            return;
        }

        if (selfClosing)
        {
            if (_depth == 1)
            {
                _frames.Enqueue(new XmppFrame(XmppFrameKind.Element, ParseElement()));
            }

            return;
        }

        if (++_depth > MaxDepth + 1)
        {
            throw new XmppStreamException("policy-violation", $"the server nested elements deeper than {MaxDepth}");
        }
    }

    private void Append(byte b)
    {
        if (_element.WrittenCount >= maxStanzaBytes)
        {
            throw new XmppStreamException("policy-violation", $"the server sent an element larger than {maxStanzaBytes} bytes");
        }

        _element.GetSpan(1)[0] = b;
        _element.Advance(1);
    }

    /// <summary>Parses the opening tag, closed artificially, and keeps its namespace declarations for the elements that follow.</summary>
    private XElement ParseHeader()
    {
        var tag = Encoding.UTF8.GetString(_element.WrittenSpan[..^1]) + "/>";
        _element.Clear();
        var header = Parse(tag, null);
        _namespaces.Clear();
        foreach (var attribute in header.Attributes().Where(a => a.IsNamespaceDeclaration))
        {
            _namespaces[attribute.Name.Namespace == XNamespace.None ? "" : attribute.Name.LocalName] = attribute.Value;
        }

        return header;
    }

    private XElement ParseElement()
    {
        var manager = new XmlNamespaceManager(new NameTable());
        foreach (var (prefix, uri) in _namespaces)
        {
            manager.AddNamespace(prefix, uri);
        }

        var text = Encoding.UTF8.GetString(_element.WrittenSpan);
        _element.Clear();
        return Parse(text, new XmlParserContext(null, manager, null, XmlSpace.None));
    }

    private XElement Parse(string text, XmlParserContext? context)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxStanzaBytes,
            MaxCharactersFromEntities = 0,
            ConformanceLevel = ConformanceLevel.Document,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings, context);
            return XElement.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new XmppStreamException("not-well-formed", $"the server sent XML that does not parse: {e.Message}", e);
        }
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
