using Qdms.Protocols.Cwmp;

namespace Qdms.Tools.CpeSim;

/// <summary>How simulated CPEs reach the ACS.</summary>
/// <param name="AcsUrl">The ACS URL (Device.ManagementServer.URL).</param>
/// <param name="Username">HTTP Basic user name sent on every request, or null for none.</param>
/// <param name="Password">HTTP Basic password.</param>
/// <param name="Version">The CWMP namespace the CPEs write.</param>
/// <param name="RetryAfterScale">When set, an Inform answered 503 is retried after the ACS's Retry-After times this factor
/// (1 as a real CPE; 0.01 for tests and benchmarks), at most <paramref name="MaxRetries"/> times; null: no retry.</param>
/// <param name="MaxRetries">How often one session is retried after 503s.</param>
/// <param name="MaxConnections">TCP connections a <see cref="CpeFleet"/> opens to the ACS at most (a boot storm wants one per CPE).</param>
public sealed record CpeOptions(
    Uri AcsUrl, string? Username = null, string? Password = null, CwmpVersion Version = CwmpVersion.Cwmp12, double? RetryAfterScale = null, int MaxRetries = 100,
    int MaxConnections = 256);
