using System.Buffers;
using System.Xml;
using Qdms.Protocols.Cwmp.Messages;
using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp;

/// <summary>
/// Reads CWMP SOAP envelopes (TR-069 Annex A). Tolerant of what real CPEs send — header and element names in any case,
/// any prefixes or default namespaces, any whitespace, CDATA, arrayType counts that do not match (the children are counted),
/// missing xsi:type (string), the deprecated NoMoreRequests header (ignored) — and strict where safety needs it:
/// no DTD or entity is ever processed, and size, element count, depth and string length are bounded by <see cref="CwmpReaderLimits"/>.
/// </summary>
public static class CwmpReader
{
    private const int StreamChunk = 16 * 1024;

    /// <summary>True when <paramref name="body"/> is an empty HTTP POST (no bytes or only whitespace), which is not an envelope.</summary>
    public static bool IsEmptyPost(ReadOnlySpan<byte> body) => body.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    /// <summary>Reads one envelope. Never throws for bad input: false and a precise <paramref name="error"/> instead.</summary>
    public static bool TryRead(ReadOnlySpan<byte> input, CwmpReaderLimits? limits, out CwmpEnvelope envelope, out CwmpReadError error)
    {
        limits ??= CwmpReaderLimits.Default;
        limits.Validate();
        envelope = null!;
        // Some CPE stacks send the C string's terminating NUL after the envelope: drop trailing NULs.
        input = input.TrimEnd((byte)0);
        if (IsEmptyPost(input))
        {
            error = new(CwmpReadErrorKind.Empty, "no envelope: the body is empty");
            return false;
        }
        if (input.Length > limits.MaxBytes)
        {
            error = new(CwmpReadErrorKind.TooLarge, $"{input.Length} bytes is more than the limit of {limits.MaxBytes}");
            return false;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(input.Length);
        try
        {
            input.CopyTo(buffer);
            return TryReadBuffer(buffer, input.Length, limits, out envelope, out error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads one envelope from <paramref name="stream"/> (to its end), reading at most <see cref="CwmpReaderLimits.MaxBytes"/> + 1 bytes.
    /// Synchronous: for a request body, buffer it first or use <see cref="ReadAsync"/>.
    /// </summary>
    public static bool TryRead(Stream stream, CwmpReaderLimits? limits, out CwmpEnvelope envelope, out CwmpReadError error)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= CwmpReaderLimits.Default;
        limits.Validate();
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(StreamChunk, limits.MaxBytes + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length > limits.MaxBytes)
                    break;
                if (length == buffer.Length)
                    buffer = Grow(buffer, limits.MaxBytes + 1);
                var read = stream.Read(buffer, length, Math.Min(buffer.Length, limits.MaxBytes + 1) - length);
                if (read == 0)
                    break;
                length += read;
            }
            return TryRead(buffer.AsSpan(0, length), limits, out envelope, out error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads one envelope from <paramref name="stream"/> asynchronously; throws <see cref="CwmpParseException"/> when refused.</summary>
    public static async ValueTask<CwmpEnvelope> ReadAsync(Stream stream, CwmpReaderLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= CwmpReaderLimits.Default;
        limits.Validate();
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(StreamChunk, limits.MaxBytes + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length > limits.MaxBytes)
                    break;
                if (length == buffer.Length)
                    buffer = Grow(buffer, limits.MaxBytes + 1);
                var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limits.MaxBytes + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    break;
                length += read;
            }
            return Read(buffer.AsSpan(0, length), limits);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads one envelope; throws <see cref="CwmpParseException"/> naming the problem when it is refused.</summary>
    public static CwmpEnvelope Read(ReadOnlySpan<byte> input, CwmpReaderLimits? limits = null) =>
        TryRead(input, limits, out var envelope, out var error) ? envelope : throw new CwmpParseException(error);

    private static byte[] Grow(byte[] buffer, int cap)
    {
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(cap, buffer.Length * 2L));
        buffer.CopyTo(bigger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    private static bool TryReadBuffer(byte[] buffer, int length, CwmpReaderLimits limits, out CwmpEnvelope envelope, out CwmpReadError error)
    {
        envelope = null!;
        var span = buffer.AsSpan(0, length);
        // A DOCTYPE in the prolog is refused before the parser sees it (the parser would refuse it too; this names it
        // precisely). Later occurrences are text (CDATA) or malformed XML, which the parser judges.
        var doctype = span.IndexOf("<!DOCTYPE"u8);
        if (doctype >= 0 && !HasElementStart(span[..doctype]))
        {
            error = new(CwmpReadErrorKind.DtdProhibited, $"a DOCTYPE at byte {doctype}: DTDs and entities are never processed");
            return false;
        }
        try
        {
            using var stream = new MemoryStream(buffer, 0, length, writable: false);
            using var reader = XmlReader.Create(stream, limits.ReaderSettings);
            var root = XmlTreeBuilder.Build(reader, limits, out var declared);
            envelope = Map(root, declared);
            error = default;
            return true;
        }
        catch (CwmpContentException e)
        {
            error = e.Error;
            return false;
        }
        catch (XmlException e)
        {
            var kind = e.Message.Contains("DTD", StringComparison.Ordinal) ? CwmpReadErrorKind.DtdProhibited : CwmpReadErrorKind.Malformed;
            error = new(kind, e.Message, e.LineNumber, e.LinePosition);
            return false;
        }
    }

    private static bool HasElementStart(ReadOnlySpan<byte> prolog)
    {
        while (true)
        {
            var open = prolog.IndexOf((byte)'<');
            if (open < 0 || open + 1 >= prolog.Length)
                return false;
            if (prolog[open + 1] is not (byte)'?' and not (byte)'!')
                return true;
            prolog = prolog[(open + 1)..];
        }
    }

    private static CwmpEnvelope Map(XmlElementNode root, CwmpVersion? declared)
    {
        if (!string.Equals(root.LocalName, "Envelope", StringComparison.OrdinalIgnoreCase))
            throw NotEnvelope(root, $"the root element is {root.LocalName}, not a SOAP Envelope");
        var body = root.Child("Body") ?? throw NotEnvelope(root, "the Envelope has no Body");
        if (body.Children.Count > 1)
            throw body.Invalid($"the Body holds {body.Children.Count} elements; CWMP sends one message per envelope");
        var headerNode = root.Child("Header");
        var message = body.Children.Count == 1 ? body.Children[0] : null;

        CwmpVersion version;
        if (message is not null && CwmpNamespaces.TryGetVersion(message.NamespaceUri, out var messageVersion))
            version = messageVersion;
        else if (headerNode?.Child("ID") is { } id && CwmpNamespaces.TryGetVersion(id.NamespaceUri, out var idVersion))
            version = idVersion;
        else if (declared is { } any)
            version = any;
        else
            throw new CwmpContentException(new CwmpReadError(CwmpReadErrorKind.UnsupportedNamespace,
                "no urn:dslforum-org:cwmp-1-0, cwmp-1-1 or cwmp-1-2 namespace in the envelope", root.Line, root.Column));

        var header = headerNode is null ? CwmpHeader.Empty : ReadHeader(headerNode);
        return new CwmpEnvelope(version, header, message is null ? null : CwmpMessageCatalog.Read(message));
    }

    // TR-069 Annex A.3.1.2/A.3.1.3; names matched in any case, NoMoreRequests and unknown headers ignored.
    private static CwmpHeader ReadHeader(XmlElementNode header) => new(
        header.Child("ID")?.Text.Trim(),
        header.Child("HoldRequests") is null ? null : header.Bool("HoldRequests"),
        header.Child("SessionTimeout") is null ? null : header.UInt("SessionTimeout"),
        header.Child("SupportedCWMPVersions")?.Text.Trim(),
        header.Child("UseCWMPVersion")?.Text.Trim());

    private static CwmpContentException NotEnvelope(XmlElementNode node, string message) =>
        new(new CwmpReadError(CwmpReadErrorKind.NotSoapEnvelope, message, node.Line, node.Column));
}
