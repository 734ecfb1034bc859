using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;

namespace Qdms.Protocols.Xmpp;

/// <summary>
/// The byte pipe under a client: a TCP socket, optionally wrapped in TLS after STARTTLS, a framer over what it reads, and a
/// write queue so stanzas from several callers never interleave. Writes coalesce: whoever finds no write in progress
/// writes everything queued meanwhile in one TLS record and one flush (with many iqs in flight, one syscall carries many).
/// </summary>
internal sealed class XmppTransport : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Lock _queueLock = new();
    private List<(byte[] Bytes, TaskCompletionSource Done)> _queue = [];
    private bool _writing;
    private XmppConnectionException? _broken;
    private readonly XmppFramer _framer;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private Stream _stream;

    private XmppTransport(Socket socket, int maxStanzaBytes)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _framer = new XmppFramer(maxStanzaBytes);
    }

    /// <summary>True once TLS is negotiated.</summary>
    public bool IsEncrypted => _stream is SslStream;

    /// <summary>The server's certificate after TLS.</summary>
    public X509Certificate2? RemoteCertificate { get; private set; }

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/>; unreachable hosts become <see cref="XmppConnectionException"/>.</summary>
    public static async Task<XmppTransport> ConnectAsync(string host, int port, int maxStanzaBytes, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, ct);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new XmppConnectionException($"cannot reach the XMPP server {host}:{port}: {e.SocketErrorCode} ({e.Message})", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new XmppTransport(socket, maxStanzaBytes);
    }

    /// <summary>Reads until the framer completes a frame; the connection closing reads as <see cref="XmppFrameKind.StreamEnd"/>.</summary>
    public async ValueTask<XmppFrame> ReadFrameAsync(CancellationToken ct)
    {
        while (true)
        {
            if (_framer.TryDequeue(out var frame))
            {
                return frame;
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer, ct);
            }
            catch (IOException e)
            {
                throw new XmppConnectionException($"the connection to the XMPP server broke: {e.Message}", e);
            }

            if (read == 0)
            {
                return new XmppFrame(XmppFrameKind.StreamEnd, null);
            }

            _framer.Feed(_buffer.AsSpan(0, read));
        }
    }

    /// <summary>Reads the next element, failing on anything else (negotiation steps expect one).</summary>
    public async ValueTask<XElement> ReadElementAsync(string expecting, CancellationToken ct)
    {
        var frame = await ReadFrameAsync(ct);
        return frame.Kind switch
        {
            XmppFrameKind.Element when frame.Element!.Name == XmppNamespaces.Streams + "error" => throw StreamError(frame.Element),
            XmppFrameKind.Element => frame.Element!,
            XmppFrameKind.StreamEnd => throw new XmppConnectionException($"the XMPP server closed the stream while the client waited for {expecting}"),
            _ => throw new XmppStreamException("not-well-formed", $"the XMPP server sent a new stream header while the client waited for {expecting}"),
        };
    }

    /// <summary>Waits for the server's stream header, then its features.</summary>
    public async ValueTask<XElement> ReadFeaturesAsync(CancellationToken ct)
    {
        var header = await ReadFrameAsync(ct);
        if (header.Kind != XmppFrameKind.StreamHeader)
        {
            throw header.Kind == XmppFrameKind.StreamEnd
                ? new XmppConnectionException("the XMPP server closed the connection instead of opening a stream")
                : header.Element!.Name == XmppNamespaces.Streams + "error" ? StreamError(header.Element) : new XmppStreamException("not-well-formed", "the XMPP server did not open a stream");
        }

        var features = await ReadElementAsync("stream features", ct);
        if (features.Name != XmppNamespaces.Streams + "features")
        {
            throw new XmppStreamException("not-well-formed", $"the XMPP server sent <{features.Name.LocalName}> where stream features belong");
        }

        return features;
    }

    /// <summary>Opens (or reopens) our stream to <paramref name="domain"/>; the framer expects the server's new header.</summary>
    public Task OpenStreamAsync(string domain, CancellationToken ct)
    {
        _framer.Restart();
        var to = System.Security.SecurityElement.Escape(domain);
        return WriteAsync($"<?xml version='1.0'?><stream:stream to='{to}' version='1.0' xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>", ct);
    }

    /// <summary>Writes one element, serialized without formatting.</summary>
    public Task WriteAsync(XElement element, CancellationToken ct) =>
        WriteAsync(element.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces), ct);

    /// <summary>
    /// Writes raw text (stream header, closing tag, whitespace keepalive) after what is queued before it. Cancelling stops the
    /// wait, not the write: a stanza is written whole or the connection is broken.
    /// </summary>
    public async Task WriteAsync(string text, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (_queueLock)
        {
            if (_broken is { } broken)
            {
                throw broken;
            }

            _queue.Add((Encoding.UTF8.GetBytes(text), done));
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            await DrainAsync();
        }

        await done.Task.WaitAsync(ct);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<(byte[] Bytes, TaskCompletionSource Done)> batch;
            lock (_queueLock)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _queue;
                _queue = [];
            }

            var length = batch.Sum(b => b.Bytes.Length);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
            try
            {
                var at = 0;
                foreach (var (bytes, _) in batch)
                {
                    bytes.CopyTo(buffer, at);
                    at += bytes.Length;
                }

                await _stream.WriteAsync(buffer.AsMemory(0, length));
                await _stream.FlushAsync();
                foreach (var (_, done) in batch)
                {
                    done.TrySetResult();
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException or InvalidOperationException)
            {
                var broken = new XmppConnectionException(e is IOException ? $"the connection to the XMPP server broke: {e.Message}" : "the connection to the XMPP server is closed", e);
                List<(byte[] Bytes, TaskCompletionSource Done)> rest;
                lock (_queueLock)
                {
                    _broken = broken;
                    rest = _queue;
                    _queue = [];
                    _writing = false;
                }

                foreach (var (_, done) in batch.Concat(rest))
                {
                    done.TrySetException(broken);
                }

                return;
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Wraps the socket in TLS after <c>&lt;proceed/&gt;</c> (RFC 6120 §5.4.3.3), validating the certificate as the options say.</summary>
    public async Task UpgradeToTlsAsync(string domain, XmppClientOptions options, CancellationToken ct)
    {
        if (!_framer.IsIdle)
        {
            throw new XmppStreamException("not-well-formed", "the XMPP server sent data after <proceed/> before the TLS handshake");
        }

        var ssl = new SslStream(new NetworkStream(_socket, ownsSocket: false), leaveInnerStreamOpen: false, (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || options.DisableCertificateValidation || IsPinned(certificate, options.PinnedCertificate));
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = domain }, ct);
        }
        catch (AuthenticationException e)
        {
            await ssl.DisposeAsync();
            throw new XmppTlsException($"TLS with the XMPP server failed: {e.Message} (pin the server's certificate to accept a self-signed one)", e);
        }
        catch (IOException e)
        {
            await ssl.DisposeAsync();
            throw new XmppTlsException($"TLS with the XMPP server failed: {e.Message}", e);
        }

        var plain = _stream;
        _stream = ssl;
        await plain.DisposeAsync();
        RemoteCertificate = ssl.RemoteCertificate is { } c ? new X509Certificate2(c) : null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stream.DisposeAsync();
        }
        catch (IOException)
        {
            // the peer is gone already
        }

        _socket.Dispose();
        RemoteCertificate?.Dispose();
    }

    /// <summary>Whether <paramref name="certificate"/>'s SHA-1 thumbprint or SHA-256 hash is <paramref name="pin"/>.</summary>
    internal static bool IsPinned(X509Certificate? certificate, string? pin)
    {
        if (certificate is null || string.IsNullOrWhiteSpace(pin))
        {
            return false;
        }

        var wanted = pin.Replace(":", "", StringComparison.Ordinal).Trim();
        return string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA1), wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), wanted, StringComparison.OrdinalIgnoreCase);
    }

    internal static XmppStreamException StreamError(XElement error)
    {
        var condition = error.Elements().FirstOrDefault(e => e.Name.Namespace == XmppNamespaces.StreamErrors && e.Name.LocalName != "text")?.Name.LocalName
            ?? "undefined-condition";
        var text = error.Element(XmppNamespaces.StreamErrors + "text")?.Value;
        return new XmppStreamException(condition, text is null ? $"the XMPP server ended the stream: {condition}" : $"the XMPP server ended the stream: {condition} ({text})");
    }
}
