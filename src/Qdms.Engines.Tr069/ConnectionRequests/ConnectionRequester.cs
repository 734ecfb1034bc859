using Microsoft.Extensions.Logging;
using Qdms.Core.Devices;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// Sends one connection request to a device: builds its <see cref="ConnectionRequestTarget"/> from the parameters it last
/// reported (TR-181 <c>Device.ManagementServer.</c> or TR-098 <c>InternetGatewayDevice.ManagementServer.</c>) and the engine's
/// credentials, then picks a channel: XMPP when the device has a JID and an <c>xmpp</c> channel is present, otherwise HTTP.
/// </summary>
internal sealed class ConnectionRequester(
    IReadOnlyList<IConnectionRequestChannel> channels, ConnectionRequestOptions options, IDeviceParameterStore parameters, ILogger logger)
{
    private static readonly string[] Roots = ["Device.ManagementServer.", "InternetGatewayDevice.ManagementServer."];

    public async Task<DeviceWakeResult> RequestAsync(long deviceId, CancellationToken ct)
    {
        var target = await TargetAsync(deviceId, ct);
        if (string.IsNullOrWhiteSpace(target.Url) && string.IsNullOrWhiteSpace(target.JabberId))
        {
            return DeviceWakeResult.Unsupported(null,
                "the device has reported no ConnectionRequestURL (nor ConnReqJabberID); it runs its tasks at its next periodic inform");
        }

        var channel = Choose(target);
        if (channel is null)
        {
            return DeviceWakeResult.Unsupported(null,
                $"no connection request channel of this engine can reach the device (it reported only a JID, and the engine has no {string.Join("/", channels.Select(c => c.Name))} channel for it)");
        }

        try
        {
            await channel.SendAsync(target, ct);
            ConnectionRequestLog.Sent(logger, deviceId, channel.Name);
            return DeviceWakeResult.Sent(channel.Name);
        }
        catch (ConnectionRequestException e)
        {
            ConnectionRequestLog.Failed(logger, deviceId, channel.Name, e.Message);
            return DeviceWakeResult.Failed(channel.Name, e.Message);
        }
    }

    /// <summary>The URL, JID and ACS URL the device last reported, with the engine's credentials.</summary>
    public async Task<ConnectionRequestTarget> TargetAsync(long deviceId, CancellationToken ct)
    {
        foreach (var root in Roots)
        {
            var stored = await parameters.ListAsync(deviceId, root, ct);
            if (stored.Count == 0)
            {
                continue;
            }

            string? Value(string name) => stored.FirstOrDefault(p => p.Path == root + name)?.Value is { Length: > 0 } v ? v : null;
            return new ConnectionRequestTarget(deviceId, Value("ConnectionRequestURL"), Value("ConnReqJabberID"), options.Username, options.Password);
        }

        return new ConnectionRequestTarget(deviceId, null, null, options.Username, options.Password);
    }

    /// <summary>The ACS URL the device was last told to use (<c>ManagementServer.URL</c>), when it reported one.</summary>
    public async Task<Uri?> AcsUrlAsync(long deviceId, CancellationToken ct)
    {
        foreach (var root in Roots)
        {
            var url = (await parameters.ListAsync(deviceId, root + "URL", ct)).FirstOrDefault(p => p.Path == root + "URL")?.Value;
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }

        return null;
    }

    private IConnectionRequestChannel? Choose(ConnectionRequestTarget target) =>
        (!string.IsNullOrWhiteSpace(target.JabberId) ? channels.FirstOrDefault(c => c.Name == "xmpp" && c.CanReach(target)) : null)
        ?? channels.FirstOrDefault(c => c.Name == "http" && c.CanReach(target));
}
