using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Qdms.Agent.Tests;

/// <summary>HTTPS from a PFX file and from PEM certificate + key files.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task Agent_serves_https_from_a_pfx_file()
    {
        using var proc = new ProcFixture();
        using var certificate = CreateCertificate();
        var pfx = Path.Combine(proc.Root, "agent.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "secret-pfx"));

        await AssertServesHttpsAsync(proc, certificate, "--certificate", pfx, "--Agent:CertificatePassword", "secret-pfx");
    }

    [Fact]
    public async Task Agent_serves_https_from_pem_certificate_and_key_files()
    {
        using var proc = new ProcFixture();
        using var certificate = CreateCertificate();
        var cert = Path.Combine(proc.Root, "agent.crt");
        var key = Path.Combine(proc.Root, "agent.key");
        await File.WriteAllTextAsync(cert, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(key, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        await AssertServesHttpsAsync(proc, certificate, "--certificate", cert, "--certificate-key", key);
    }

    [Fact]
    public void A_file_that_is_no_certificate_stops_start()
    {
        using var proc = new ProcFixture();
        var bogus = Path.Combine(proc.Root, "agent.pfx");
        File.WriteAllText(bogus, "not a certificate");

        var e = Assert.Throws<AgentConfigurationException>(() => AgentHost.Build(["--certificate", bogus]));

        Assert.Contains("Agent:CertificatePath", e.Message, StringComparison.Ordinal);
    }

    private static async Task AssertServesHttpsAsync(ProcFixture proc, X509Certificate2 expected, params string[] args)
    {
        await using var host = await AgentTestHost.StartAsync(proc, args);
        X509Certificate2? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                presented = cert is null ? null : new X509Certificate2(cert);
                return cert?.Thumbprint == expected.Thumbprint;
            },
        };
        using var client = host.Client(handler);

        using var response = await client.GetAsync("/device-qos?batch=1&oids=2.1");

        Assert.Equal("https", host.Address.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Thumbprint, presented?.Thumbprint);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
