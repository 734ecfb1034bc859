using Microsoft.Extensions.Options;
using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Live;
using Qdms.Core.Security;
using Qdms.Server.Live;

namespace Qdms.Server.Endpoints;

/// <summary>
/// <c>GET /api/v1/live</c>: server-sent events of device contacts, tasks, new events and engine states, as they happen, for
/// the caller's tenant (docs/live.md). <c>?topics=task,event</c> picks message types; <c>?deviceId=</c> narrows device, task
/// and event messages to one device (404 when the caller cannot see it).
/// </summary>
internal static class LiveEndpoints
{
    public static RouteGroupBuilder MapLiveEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/live", async (
            HttpContext http, Caller caller, string? topics, long? deviceId, DeviceService devices, LiveHub hub, LiveMessageEncoder encoder,
            IOptions<LiveOptions> options, IHostApplicationLifetime lifetime, CancellationToken ct) =>
        {
            caller.Require(Role.Viewer);
            var chosen = LiveTopics.Parse(topics);
            if (deviceId is { } id)
            {
                await devices.GetAsync(caller, id, ct); // another tenant's device is a 404, like everywhere
            }

            var o = options.Value;
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
            using var subscription = hub.Subscribe(LiveFilter.For(caller, chosen, deviceId), o.QueueCapacity);
            var ready = new LiveReadyDto(chosen, deviceId, o.QueueCapacity, o.HeartbeatSeconds);
            await LiveStream.RunAsync(http, subscription, encoder, o, ready, stopping.Token);
        })
            .WithTags("Live")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return api;
    }
}
