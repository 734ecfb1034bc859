using Qdms.Core.Snmp;

namespace Qdms.Engines.Snmp.Polling;

/// <summary>One profile polled on one device; <see cref="Due"/> is when its next poll should start (ms on the engine's clock).</summary>
internal sealed class PollJob(PolledDevice device, SnmpProfile profile)
{
    public PolledDevice Device { get; set; } = device;

    public SnmpProfile Profile { get; set; } = profile;

    public (long DeviceId, long? TenantId, string Profile) Key => (Device.DeviceId, Profile.TenantId, Profile.Name);

    public long Due { get; set; }

    public long IntervalMs => Profile.IntervalSeconds * 1000L;

    /// <summary>False once a plan reload dropped the job; its queued entry is then skipped.</summary>
    public bool Active { get; set; } = true;

    /// <summary>True while a poll of this job runs (a slow device is never polled twice at once).</summary>
    public int Running;
}
