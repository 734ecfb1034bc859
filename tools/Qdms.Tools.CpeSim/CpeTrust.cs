using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Qdms.Tools.CpeSim;

/// <summary>The TLS client options of a fleet: the system's trust, plus one certificate accepted by its exact bytes when given.</summary>
internal static class CpeTrust
{
    public static SslClientAuthenticationOptions For(X509Certificate2? trusted) => new()
    {
        RemoteCertificateValidationCallback = trusted is null
            ? null
            : (_, certificate, _, errors) => errors == SslPolicyErrors.None
                || (certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(trusted.RawData)),
    };
}
