using Qdms.Core.Live;
using Qdms.Core.Security;

namespace Qdms.Server.Live;

/// <summary>
/// What one reader receives: the topics it asked for, only its tenant's devices, tasks and events (a sysop: all, including
/// events of unknown sources), engine changes for everyone (any signed-in user may read engines), and with a device id only
/// that device's device, task and event messages.
/// </summary>
internal static class LiveFilter
{
    public static Func<LiveChange, bool> For(Caller caller, IReadOnlyList<string> topics, long? deviceId)
    {
        var scope = caller.Scope;
        var device = topics.Contains(LiveTopics.Device);
        var task = topics.Contains(LiveTopics.Task);
        var @event = topics.Contains(LiveTopics.Event);
        var engine = topics.Contains(LiveTopics.Engine);
        return change =>
        {
            var wanted = change switch
            {
                DeviceChanged => device,
                TaskChanged => task,
                EventAdded => @event,
                EngineChanged => engine,
                _ => false,
            };
            if (!wanted)
            {
                return false;
            }

            if (change is EngineChanged)
            {
                return true;
            }

            if (deviceId is not null && change.DeviceId != deviceId)
            {
                return false;
            }

            return change.TenantId is { } tenant ? scope.Allows(tenant) : scope.IsAll;
        };
    }
}
