using System.Security.Cryptography.X509Certificates;
using Qdms.Protocols.Cwmp;

namespace Qdms.Tools.CpeSim;

/// <summary>How simulated CPEs reach the ACS.</summary>
/// <param name="AcsUrl">The ACS URL (Device.ManagementServer.URL).</param>
/// <param name="Username">The user name the CPEs sign in with, or null for none; <c>{serial}</c> becomes each CPE's serial.</param>
/// <param name="Password">The password; <c>{serial}</c> becomes each CPE's serial.</param>
/// <param name="Version">The CWMP namespace the CPEs write.</param>
/// <param name="AuthStyle">Basic on every request (the default, a common quirk) or only when challenged (Digest or Basic).</param>
/// <param name="DigestAlgorithm">The Digest algorithm to pick among the ACS's challenges (<c>MD5</c>, <c>SHA-256</c>); null: the first offered.</param>
/// <param name="TrustedCertificate">An HTTPS certificate to accept although no CA vouches for it (a self-signed ACS certificate).</param>
/// <param name="ConnectionRequestAuth">How the CPEs check connection requests sent to their <see cref="ConnectionRequestListener"/>.</param>
public sealed record CpeOptions(
    Uri AcsUrl,
    string? Username = null,
    string? Password = null,
    CwmpVersion Version = CwmpVersion.Cwmp12,
    CpeAuthStyle AuthStyle = CpeAuthStyle.BasicOnEveryRequest,
    string? DigestAlgorithm = null,
    X509Certificate2? TrustedCertificate = null,
    CpeConnectionRequestAuth ConnectionRequestAuth = CpeConnectionRequestAuth.Digest);
