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
/// <param name="RetryAfterScale">When set, an Inform answered 503 is retried after the ACS's Retry-After times this factor
/// (1 as a real CPE; 0.01 for tests and benchmarks), at most <paramref name="MaxRetries"/> times; null: no retry.</param>
/// <param name="MaxRetries">How often one session is retried after 503s.</param>
/// <param name="MaxConnections">TCP connections a <see cref="CpeFleet"/> opens to the ACS at most (a boot storm wants one per CPE).</param>
/// <param name="NoMoreRequests">Send the deprecated NoMoreRequests header element (value 1) in every message, as CWMP 1.0 CPEs do.</param>
public sealed record CpeOptions(
    Uri AcsUrl,
    string? Username = null,
    string? Password = null,
    CwmpVersion Version = CwmpVersion.Cwmp12,
    CpeAuthStyle AuthStyle = CpeAuthStyle.BasicOnEveryRequest,
    string? DigestAlgorithm = null,
    X509Certificate2? TrustedCertificate = null,
    CpeConnectionRequestAuth ConnectionRequestAuth = CpeConnectionRequestAuth.Digest,
    double? RetryAfterScale = null,
    int MaxRetries = 100,
    int MaxConnections = 256,
    bool NoMoreRequests = false);
