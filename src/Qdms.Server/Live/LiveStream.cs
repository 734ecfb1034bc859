using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Qdms.Contracts;
using Qdms.Core.Live;

namespace Qdms.Server.Live;

/// <summary>
/// Writes one subscription to one response as server-sent events (WHATWG HTML §9.2): a <c>retry:</c> hint, a <c>ready</c>
/// message, then each change as it comes, with a comment line as heartbeat when the stream has been idle. Ends when the
/// client goes or the server stops; a reader that fell too far behind gets a last <c>dropped</c> message.
/// </summary>
internal static class LiveStream
{
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    public static async Task RunAsync(
        HttpContext http, LiveSubscription subscription, LiveMessageEncoder encoder, LiveOptions options, LiveReadyDto ready, CancellationToken ct)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx: do not buffer the stream
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var body = response.Body;
        var reader = subscription.Changes;
        var heartbeat = TimeSpan.FromSeconds(options.HeartbeatSeconds);
        try
        {
            await body.WriteAsync(Encoding.UTF8.GetBytes($"retry: {options.RetryMilliseconds}\n\n"), ct);
            await body.WriteAsync(encoder.Frame("ready", ready), ct);
            await body.FlushAsync(ct);
            while (true)
            {
                var wrote = false;
                while (reader.TryRead(out var change))
                {
                    await body.WriteAsync(encoder.Encode(change), ct);
                    wrote = true;
                }

                if (wrote)
                {
                    await body.FlushAsync(ct);
                }

                using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
                idle.CancelAfter(heartbeat);
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await body.WriteAsync(Heartbeat, ct);
                    await body.FlushAsync(ct);
                    continue;
                }

                if (!more)
                {
                    break;
                }
            }

            if (subscription.Overflowed)
            {
                var reason = $"This reader fell {subscription.Capacity} messages behind and was cut off; reconnect and read the current state again.";
                await body.WriteAsync(encoder.Frame("dropped", new LiveDroppedDto(reason)), ct);
                await body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the client went or the server is stopping
        }
        catch (IOException)
        {
            // the client went mid-write
        }
    }
}
