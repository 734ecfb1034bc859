using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Qdms.Engines.Tr069.Auth;

/// <summary>Loads the certificate of <c>certificatePath</c>: PFX/PKCS#12 by extension, else PEM (with its key beside or inside).</summary>
internal static class CpeTls
{
    public static X509Certificate2 Load(CpeCertificate settings)
    {
        var password = settings.Password.Length > 0 ? settings.Password : null;
        try
        {
            var extension = Path.GetExtension(settings.Path).ToLowerInvariant();
            if (extension is ".pfx" or ".p12")
            {
                return X509CertificateLoader.LoadPkcs12FromFile(settings.Path, password);
            }

            var keyPath = settings.KeyPath.Length > 0 ? settings.KeyPath : null;
            return password is null
                ? X509Certificate2.CreateFromPemFile(settings.Path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(settings.Path, password, keyPath);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // the message names the files, never the password
            throw new InvalidOperationException($"Cannot load the certificate {settings.Path}{(settings.KeyPath.Length > 0 ? " with key " + settings.KeyPath : "")}: {e.Message}", e);
        }
    }

    /// <summary>HTTPS on <paramref name="listen"/> when a certificate is configured; plain HTTP otherwise.</summary>
    public static void UseHttpsWhen(this ListenOptions listen, X509Certificate2? certificate)
    {
        if (certificate is not null)
        {
            listen.UseHttps(certificate);
        }
    }

    public static void LogHttps(ILogger logger, string engine, X509Certificate2? certificate)
    {
        if (certificate is not null)
        {
            CpeAuthLog.Https(logger, engine, certificate.Subject, certificate.NotAfter.ToUniversalTime());
        }
    }
}
