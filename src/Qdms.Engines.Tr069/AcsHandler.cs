using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

/// <summary>
/// The ACS side of CWMP over HTTP (TR-069 §3.4, §3.7): every POST of every session goes through <see cref="HandleAsync"/>.
/// A session starts with an Inform (answered with a session cookie), takes the CPE's own requests, then on the CPE's empty POST
/// the queued tasks' RPCs one at a time, and ends with an empty 204.
/// </summary>
internal sealed partial class AcsHandler(
    Tr069Config config, Tr069Services services, AcsSessionTable sessions, AcsCounters counters, ILogger<AcsHandler> logger, Auth.CpeGate gate, AcsLoad load)
{
    public const string CookieName = "QDMS-CWMP";

    /// <summary>How long a CPE refused because its device already has a session is asked to wait.</summary>
    public const int RetryAfterSeconds = 30;

    private static readonly CwmpList<string> AcsMethods = ["Inform", "GetRPCMethods", "TransferComplete", "AutonomousTransferComplete"];

    private readonly CwmpReaderLimits _limits = new() { MaxBytes = config.MaxBodyBytes };

    public async Task HandleAsync(HttpContext http)
    {
        if (await TryReceiveUploadAsync(http))
        {
            return;
        }

        var ct = http.RequestAborted;
        var remote = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await RefuseAsync(http, StatusCodes.Status405MethodNotAllowed, remote, $"{http.Request.Method} is not a CWMP method; CPEs POST");
            return;
        }

        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, remote, $"the body is larger than {config.MaxBodyBytes} bytes");
            return;
        }

        var session = sessions.Find(http.Request.Cookies[CookieName]);
        if (session is null)
        {
            try
            {
                await OutsideSessionAsync(http, body, remote, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Tr069Log.Failed(logger, e, remote);
                if (!http.Response.HasStarted)
                {
                    http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                }
            }

            return;
        }

        await session.Gate.WaitAsync(ct);
        try
        {
            if (session.Ended)
            {
                await OutsideSessionAsync(http, body, remote, ct);
                return;
            }

            session.Touch(services.Time.GetTimestamp());
            await InSessionAsync(http, session, body, remote, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Tr069Log.Failed(logger, e, session.DeviceKey);
            sessions.End(session);
            await AbandonAsync(session, "the ACS failed handling the session", CancellationToken.None);
            if (!http.Response.HasStarted)
            {
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>A POST without a live session: only an Inform may start one.</summary>
    private async Task OutsideSessionAsync(HttpContext http, byte[] body, string remote, CancellationToken ct)
    {
        if (CwmpReader.IsEmptyPost(body))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, remote, "an empty POST outside a session (a session starts with an Inform)");
            return;
        }

        if (!CwmpReader.TryRead(body, _limits, out var envelope, out var error))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, remote, $"not a CWMP envelope: {error.Kind}: {error.Message}");
            return;
        }

        if (envelope.Body is not InformRequest inform)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, remote,
                $"{envelope.Body?.MethodName ?? "an empty envelope"} outside a session (a session starts with an Inform)");
            return;
        }

        await AdmitAsync(http, envelope, inform, remote, ct);
    }

    private async Task InSessionAsync(HttpContext http, AcsSession session, byte[] body, string remote, CancellationToken ct)
    {
        if (CwmpReader.IsEmptyPost(body))
        {
            await NextAsync(http, session, ct);
            return;
        }

        if (!CwmpReader.TryRead(body, _limits, out var envelope, out var error))
        {
            sessions.End(session);
            await AbandonAsync(session, $"it sent a body that is not a CWMP envelope ({error.Kind})", ct);
            await RefuseAsync(http, StatusCodes.Status400BadRequest, remote, $"not a CWMP envelope: {error.Kind}: {error.Message}");
            return;
        }

        if (await RefuseHeldRequestAsync(http, session, envelope, ct))
        {
            return;
        }

        switch (envelope.Body)
        {
            case null:
                await NextAsync(http, session, ct);
                break;
            case InformRequest inform:
                sessions.End(session);
                await AbandonAsync(session, "it sent a new Inform", ct);
                await BeginOnceMoreIfStaleAsync(http, envelope, inform, remote, ct);
                break;
            case TransferCompleteRequest transfer:
                await CompleteTransferAsync(session, transfer, ct);
                await WriteAsync(http, envelope.Answer(new TransferCompleteResponse()), ct);
                break;
            case AutonomousTransferCompleteRequest:
                await WriteAsync(http, envelope.Answer(new AutonomousTransferCompleteResponse()), ct);
                break;
            case GetRpcMethodsRequest:
                await WriteAsync(http, envelope.Answer(new GetRpcMethodsResponse(AcsMethods)), ct);
                break;
            case var message when message.MethodName.EndsWith("Response", StringComparison.Ordinal) || message is CwmpFault:
                if (!await IsAnswerToOutstandingAsync(session, envelope, ct))
                {
                    await NextAsync(http, session, ct);
                }
                else if (await CompleteAsync(session, message, ct) is { } step)
                {
                    await WriteAsync(http, new CwmpEnvelope(session.Version, RpcHeader(session, session.Outstanding!.Id), step), ct);
                }
                else
                {
                    await NextAsync(http, session, ct);
                }

                break;
            default:
                Tr069Log.Unsupported(logger, session.DeviceKey, envelope.Body.MethodName);
                await WriteAsync(http, envelope.Answer(CwmpFault.Create(CwmpFaultCodes.AcsMethodNotSupported)), ct);
                break;
        }
    }

    /// <summary>The body, or null when it is larger than the limit (checked against Content-Length first, then while reading).</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > config.MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > config.MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private async Task RefuseAsync(HttpContext http, int status, string remote, string reason)
    {
        Interlocked.Increment(ref counters.BadRequests);
        Tr069Log.Refused(logger, remote, status, reason);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(reason + "\n", http.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext http, CwmpEnvelope envelope, CancellationToken ct)
    {
        var bytes = CwmpWriter.ToArray(envelope);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/xml; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, ct);
    }
}
