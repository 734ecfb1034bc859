using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Qdms.Engines.Snmp.Access;
using Qdms.Engines.Snmp.Traps;
using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Notifications;

namespace Qdms.Engines.Snmp;

internal sealed partial class SnmpEngine
{
    private SnmpNotificationReceiver? _receiver;
    private long _notificationsFailed;

    private string TrapDescription => _receiver is { } r ? $"udp {r.LocalEndPoint}" : "off";

    private ISnmpAccess CreateAccess() => new ManagerSnmpAccess(new SnmpManager(new SnmpManagerOptions
    {
        Timeout = config.Timeout,
        Retries = config.Retries,
        MaxRequestsInFlight = Math.Max(config.MaxConcurrentPolls * 2, 64),
    }));

    private async Task StartTrapsAsync(CancellationToken ct)
    {
        if (!config.Traps)
        {
            return;
        }

        var options = new SnmpReceiverOptions
        {
            Communities = config.TrapCommunities,
            Users = config.TrapUsers.Select(ManagerSnmpAccess.ToUser).ToList(),
            OnRejected = (source, reason) => SnmpEngineLog.NotificationRejected(_logger, source.ToString(), reason),
        };
        try
        {
            _receiver = await SnmpNotificationReceiver.StartAsync(new IPEndPoint(config.TrapHost, config.TrapPort), options, OnNotificationAsync, ct);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"Cannot receive traps on udp {config.TrapHost}:{config.TrapPort}: {e.Message} ({e.SocketErrorCode}).", e);
        }
    }

    private async Task StopTrapsAsync()
    {
        if (_receiver is { } r)
        {
            _receiver = null;
            await r.DisposeAsync();
        }
    }

    private async ValueTask OnNotificationAsync(SnmpNotification notification)
    {
        try
        {
            var device = NotificationEvents.Match(notification, _plan);
            await _writer!.WriteAsync(NotificationEvents.ToEvent(notification, device, services.Time.GetUtcNow()), _stopping.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Interlocked.Increment(ref _notificationsFailed);
            SnmpEngineLog.NotificationFailed(_logger, notification.Source.ToString(), e);
        }
    }

    private void AddTrapDetails(Dictionary<string, string> details)
    {
        if (_receiver is not { } r)
        {
            details["traps"] = "off";
            return;
        }

        details["traps"] = $"udp {r.LocalEndPoint}";
        details["trapPort"] = r.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);
        details["notificationsReceived"] = r.ReceivedNotifications.ToString(CultureInfo.InvariantCulture);
        details["notificationsRejected"] = r.RejectedDatagrams.ToString(CultureInfo.InvariantCulture);
        details["notificationsFailed"] = Interlocked.Read(ref _notificationsFailed).ToString(CultureInfo.InvariantCulture);
    }
}
