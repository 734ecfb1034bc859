using Qdms.Protocols.Cwmp;

namespace Qdms.Engines.Tr069;

/// <summary>
/// One CWMP session (TR-069 §3.7.1): from an Inform to the ACS's empty answer. Identified by its cookie; holds the device,
/// the CPE's namespace version and the one RPC the ACS awaits an answer to. Requests of one session are handled one at a time
/// (<see cref="Gate"/>).
/// </summary>
internal sealed class AcsSession(string id, long deviceId, long tenantId, string deviceKey, CwmpVersion version, string remote, long now)
{
    private long _lastActivity = now;

    public string Id { get; } = id;

    public long DeviceId { get; } = deviceId;

    public long TenantId { get; } = tenantId;

    /// <summary>The CPE's <c>OUI-ProductClass-SerialNumber</c>.</summary>
    public string DeviceKey { get; } = deviceKey;

    public CwmpVersion Version { get; } = version;

    /// <summary>The CPE's IP address as seen by the ACS.</summary>
    public string Remote { get; } = remote;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The task whose RPC awaits the CPE's answer, or null.</summary>
    public OutstandingRpc? Outstanding { get; set; }

    /// <summary>Tasks of this session that could not become an RPC (already failed), so the next look skips them.</summary>
    public HashSet<long> Skipped { get; } = [];

    public bool Ended { get; set; }

    /// <summary>The scheme and host the CPE reached the ACS by (<c>http://acs.example.net:7547</c>), for upload URLs.</summary>
    public string? AcsBaseUrl { get; set; }

    /// <summary>The idle timeout of this session when the CPE announced one (cwmp:SessionTimeout), else null: the engine's.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>True while the ACS's last envelope of this session carried HoldRequests true.</summary>
    public bool Holding { get; set; }

    /// <summary>
    /// True after the ACS released a hold with its empty answer: the CPE may still send the requests it held, or end. A new
    /// Inform of the device may take the session over.
    /// </summary>
    public bool Lingering { get; set; }

    /// <summary>The CWMP version agreed through SupportedCWMPVersions / UseCWMPVersion (CWMP 1.4), or null when the CPE named none.</summary>
    public string? AgreedVersion { get; set; }

    /// <summary>When the CPE last sent something, in <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
    public long LastActivity => Interlocked.Read(ref _lastActivity);

    public void Touch(long now) => Interlocked.Exchange(ref _lastActivity, now);
}
