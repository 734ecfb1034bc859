namespace Qdms.Core.Devices;

/// <summary>Where a task stands: Queued → Sent → Done or Failed; a queued or sent task past its expiry becomes Expired.</summary>
public enum DeviceTaskStatus
{
    Queued = 0,
    Sent = 1,
    Done = 2,
    Failed = 3,
    Expired = 4,
}
