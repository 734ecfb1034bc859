using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;
using Qdms.Testing;
using Qdms.Tools.CpeSim;

namespace Qdms.Server.Tests.Tr069;

/// <summary>The ACS port over HTTPS with a certificate made here (self-signed), the simulator trusting exactly that certificate.</summary>
public sealed class Tr069HttpsTests(SqliteApp app) : IClassFixture<SqliteApp>, IDisposable
{
    private readonly TempDirectory _dir = new("qdms-tls");

    [Fact]
    public async Task A_pem_certificate_makes_the_port_speak_https_and_a_digest_session_runs_over_it()
    {
        using var certificate = SelfSigned();
        var (certPath, keyPath) = WritePem(certificate);
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "digest", certificatePath = certPath, certificateKeyPath = keyPath });
        var https = new Uri($"https://127.0.0.1:{acs.Url.Port}/");
        var user = CpeAuthKit.NewUser();
        var cpe = acs.Cpe(new CpeOptions(https, user, "tls-password-1", AuthStyle: CpeAuthStyle.Challenged, TrustedCertificate: PublicPart(certificate)));
        await CpeAuthKit.RegisterAsync(acs.Admin, cpe, user, "tls-password-1");

        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);

        Assert.StartsWith("https://", (await acs.Admin.GetEngineAsync("tr069", acs.Index)).Details["listen"], StringComparison.Ordinal);
        Assert.NotNull((await acs.DeviceOfAsync(cpe)).LastContactAt);
        var untrusting = acs.Cpe(new CpeOptions(https, user, "tls-password-1", AuthStyle: CpeAuthStyle.Challenged));
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.BootAsync(default)); // no CA vouches for it
        using var plain = new HttpClient();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.PostAsync(acs.Url, new ByteArrayContent([]))); // no plain HTTP on the port
    }

    [Fact]
    public async Task A_pfx_with_a_password_serves_https_and_basic_on_every_request_works_over_it()
    {
        using var certificate = SelfSigned();
        var pfx = Path.Combine(_dir.Path, "acs.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-secret-1"));
        using var acs = await AcsUnderTest.StartAsync(app, new { cpeAuth = "basic", certificatePath = pfx, certificatePassword = "pfx-secret-1" });
        var user = CpeAuthKit.NewUser();
        var cpe = acs.Cpe(new CpeOptions(new Uri($"https://127.0.0.1:{acs.Url.Port}/"), user, "tls-password-2", TrustedCertificate: PublicPart(certificate)));
        await CpeAuthKit.RegisterAsync(acs.Admin, cpe, user, "tls-password-2");

        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_the_engine_with_an_error_naming_the_file_but_not_the_password()
    {
        using var certificate = SelfSigned();
        var pfx = Path.Combine(_dir.Path, "locked.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "right-pfx-pass"));
        var admin = await app.AdminAsync();
        var added = await admin.AddEngineAsync(new AddEngineRequest("tr069", "tls-" + Guid.NewGuid().ToString("N")[..8],
            JsonSerializer.SerializeToElement(new { address = "127.0.0.1", port = 0, certificatePath = pfx, certificatePassword = "wrong-pfx-pass" })));

        var started = Assert.Single(await admin.StartEngineAsync("tr069", added.Index));

        Assert.NotEqual("active", started.State);
        Assert.Contains(pfx, started.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pfx-pass", started.LastError, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=qdms-test-acs", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // server authentication
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private (string Cert, string Key) WritePem(X509Certificate2 certificate)
    {
        var cert = Path.Combine(_dir.Path, "acs.crt");
        var key = Path.Combine(_dir.Path, "acs.key");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (cert, key);
    }

    private static X509Certificate2 PublicPart(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}
