using Qdms.Protocols.Cwmp;

namespace Qdms.Tools.CpeSim;

/// <summary>How simulated CPEs reach the ACS.</summary>
/// <param name="AcsUrl">The ACS URL (Device.ManagementServer.URL).</param>
/// <param name="Username">HTTP Basic user name sent on every request, or null for none.</param>
/// <param name="Password">HTTP Basic password.</param>
/// <param name="Version">The CWMP namespace the CPEs write.</param>
/// <param name="ConnectionRequestAuth">How the CPEs check connection requests sent to their <see cref="ConnectionRequestListener"/>.</param>
public sealed record CpeOptions(
    Uri AcsUrl,
    string? Username = null,
    string? Password = null,
    CwmpVersion Version = CwmpVersion.Cwmp12,
    CpeConnectionRequestAuth ConnectionRequestAuth = CpeConnectionRequestAuth.Digest);
