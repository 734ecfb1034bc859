namespace Qdms.Qos.Configuration;

/// <summary>
/// The QoS evaluator's settings, bound from <c>Qdms:Qos</c>. Each has an Arrowhead DeviceQoSEvaluator property name
/// (<see cref="QosConfigKeys"/>), which <c>get-config</c> answers with; the rules are the seed's, checked at start.
/// </summary>
public sealed class QosOptions
{
    public const string Section = "Qdms:Qos";

    /// <summary>False: no measurement jobs run (the evaluation services still answer from stored data).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>measurement.organizer.job.interval</c>: seconds between inventory re-syncs; at least 10.</summary>
    public int OrganizerIntervalSeconds { get; set; } = 60;

    /// <summary><c>rtt.measurement.job.interval</c>: seconds between RTT batches per device; at least 5.</summary>
    public int RttIntervalSeconds { get; set; } = 30;

    /// <summary><c>rtt.measurement.timeout</c>: milliseconds a probe waits; at least 3000, below the RTT interval; 100 % when scoring.</summary>
    public int RttTimeoutMs { get; set; } = 3000;

    /// <summary><c>augmented.measurement.job.interval</c>: seconds between agent fetches; 5–30 (the agent keeps 30 s).</summary>
    public int AugmentedIntervalSeconds { get; set; } = 30;

    /// <summary><c>evaluation.time.window</c>: the default (and longest) window in seconds; below the raw data max age.</summary>
    public int EvaluationWindowSeconds { get; set; } = 3600;

    /// <summary><c>cleaning.job.interval</c>: seconds between cleaning passes; at least 60.</summary>
    public int CleaningIntervalSeconds { get; set; } = 600;

    /// <summary><c>raw.measurement.data.max.age</c>: minutes measurements are kept.</summary>
    public int RawMeasurementMaxAgeMinutes { get; set; } = 1440;

    /// <summary><c>inactive.device.max.age</c>: minutes after which a device that left the inventory and has no data is forgotten.</summary>
    public int InactiveDeviceMaxAgeMinutes { get; set; } = 1440;

    /// <summary><c>max.page.size</c>: the largest page of <c>mgmt/query</c> and <c>general/mgmt/logs</c>.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary><c>enable.management.filter</c>: false lets any admin of a tenant use management within its tenant.</summary>
    public bool EnableManagementFilter { get; set; } = true;

    /// <summary><c>management.policy</c>: sysop-only, whitelist or authorization.</summary>
    public string ManagementPolicy { get; set; } = "sysop-only";

    /// <summary><c>management.whitelist</c>: comma-separated user names allowed management under the whitelist policy.</summary>
    public string ManagementWhitelist { get; set; } = "";

    /// <summary><c>enable.blacklist.filter</c>: refuse requests from the user names in <see cref="Blacklist"/>.</summary>
    public bool EnableBlacklistFilter { get; set; }

    /// <summary><c>force.blacklist.filter</c>: kept for compatibility; the list is local, so it is always reachable.</summary>
    public bool ForceBlacklistFilter { get; set; } = true;

    /// <summary>The blacklist (Arrowhead asks a Blacklist system; QDMS keeps it here): comma-separated user names.</summary>
    public string Blacklist { get; set; } = "";

    /// <summary><c>blacklist.check.exclude.list</c>: comma-separated user names never checked against the blacklist.</summary>
    public string BlacklistCheckExcludeList { get; set; } = "";

    /// <summary>auto (ICMP when the process may open an ICMP socket, else TCP), icmp, tcp (connect to <see cref="RttTcpPort"/>) or arrowhead (connect to the closed <see cref="ArrowheadClosedPort"/>).</summary>
    public string RttMethod { get; set; } = "auto";

    /// <summary>The known open port for the tcp method (and the fallback of auto).</summary>
    public int RttTcpPort { get; set; } = 80;

    /// <summary>The port Arrowhead's method connects to, expecting a reset.</summary>
    public int ArrowheadClosedPort { get; set; } = 1;

    /// <summary>Probes per RTT batch.</summary>
    public int RttProbes { get; set; } = 5;

    /// <summary>Milliseconds between the starts of the probes of one batch.</summary>
    public int RttProbeSpacingMs { get; set; } = 200;

    /// <summary>Port of the device agent.</summary>
    public int AgentPort { get; set; } = 59473;

    /// <summary>http or https for the device agent.</summary>
    public string AgentScheme { get; set; } = "http";

    /// <summary>Bearer token sent to device agents, when they require one.</summary>
    public string? AgentToken { get; set; }

    /// <summary>Milliseconds an agent fetch may take; below the augmented interval.</summary>
    public int AgentTimeoutMs { get; set; } = 3000;

    /// <summary>Measurement jobs running at once, over all devices.</summary>
    public int MaxConcurrency { get; set; } = 512;

    /// <summary>Samples asked of the agent per fetch: one per second of the interval, at most the agent's 30.</summary>
    public int AgentBatch => Math.Clamp(AugmentedIntervalSeconds, 1, 30);

    public TimeSpan RttTimeout => TimeSpan.FromMilliseconds(RttTimeoutMs);

    public TimeSpan EvaluationWindow => TimeSpan.FromSeconds(EvaluationWindowSeconds);

    public static IReadOnlyList<string> SplitList(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
