using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Qdms.Testing;

/// <summary>
/// A real Prosody XMPP server, started by tests/peers/prosody.sh on a free loopback port (VirtualHost <c>localhost</c>,
/// STARTTLS offered with a self-signed certificate, PLAIN only over TLS) and killed on dispose. Accounts are added with
/// <see cref="Register"/> (prosodyctl with the server's own config).
/// </summary>
public sealed class ProsodyServer : IDisposable
{
    private readonly int _pid;
    private int _accounts;

    public ProsodyServer()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "peers", "prosody.sh");
        var (exit, output, error) = Run("bash", [script, "0"], TimeSpan.FromSeconds(60));
        if (exit != 0)
            throw new InvalidOperationException($"tests/peers/prosody.sh failed ({exit}): {error}{output}");
        var fields = output.Trim().Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        _pid = int.Parse(fields["PID"], CultureInfo.InvariantCulture);
        Port = int.Parse(fields["PORT"], CultureInfo.InvariantCulture);
        Directory = fields["DIR"];
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(Directory, "localhost.crt")));
        CertificateThumbprint = certificate.Thumbprint;
        CertificateSha256 = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    /// <summary>The c2s port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The XMPP domain (VirtualHost) accounts live in.</summary>
    public string Domain => "localhost";

    /// <summary>The server's config, data, certificate and log directory.</summary>
    public string Directory { get; }

    /// <summary>The SHA-1 thumbprint of the server's self-signed certificate (hex), to pin it.</summary>
    public string CertificateThumbprint { get; }

    /// <summary>The SHA-256 hash of the server's certificate (hex).</summary>
    public string CertificateSha256 { get; }

    /// <summary>Adds an account; returns its bare JID (<c>user@localhost</c>).</summary>
    public string Register(string user, string password)
    {
        var (exit, output, error) = Run(IsRoot ? "runuser" : "prosodyctl",
            [.. IsRoot ? new[] { "-u", "prosody", "--", "prosodyctl" } : [], "--config", Path.Combine(Directory, "prosody.cfg.lua"), "register", user, Domain, password],
            TimeSpan.FromSeconds(30));
        if (exit != 0)
            throw new InvalidOperationException($"prosodyctl register {user} failed ({exit}): {error}{output}");
        return $"{user}@{Domain}";
    }

    /// <summary>Adds an account with a fresh name starting with <paramref name="prefix"/>; returns its bare JID and password.</summary>
    public (string Jid, string Password) NewAccount(string prefix)
    {
        var user = $"{prefix}{Interlocked.Increment(ref _accounts)}x{Guid.NewGuid().ToString("N")[..6]}";
        var password = "pw-" + Guid.NewGuid().ToString("N")[..12];
        return (Register(user, password), password);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static (int Exit, string Output, string Error) Run(string file, IEnumerable<string> arguments, TimeSpan limit) =>
        PeerProcess.Run(PeerProcess.For(file, arguments), limit);

    public void Dispose()
    {
        try
        {
            using var process = Process.GetProcessById(_pid);
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            // already gone
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // prosody may still be flushing its log: the directory is in /dev/shm or /tmp and goes with the machine
        }
    }
}
