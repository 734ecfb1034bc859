using System.Security.Cryptography.X509Certificates;

namespace Qdms.Agent;

/// <summary>Builds the agent from configuration files, environment and command line.</summary>
internal static class AgentHost
{
    /// <summary>Optional system-wide configuration file.</summary>
    public const string SystemConfigFile = AgentConfiguration.SystemConfigFile;

    /// <summary>Builds the agent (not yet listening); throws <see cref="AgentConfigurationException"/> for unusable settings.</summary>
    public static AgentApp Build(string[] args, AgentLog? log = null)
    {
        var options = AgentConfiguration.Bind(AgentConfiguration.Load(args));
        var errors = AgentOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new AgentConfigurationException(string.Join(Environment.NewLine, errors));
        }

        var certificate = options.CertificatePath is null ? null : LoadCertificate(options);
        return new AgentApp(options, certificate, log ?? new AgentLog());
    }

    private static X509Certificate2 LoadCertificate(AgentOptions options)
    {
        var path = options.CertificatePath!;
        try
        {
            if (options.CertificateKeyPath is not null || path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
            {
                var key = options.CertificateKeyPath ?? path;
                using var pem = options.CertificatePassword is { } password
                    ? X509Certificate2.CreateFromEncryptedPemFile(path, password, key)
                    : X509Certificate2.CreateFromPemFile(path, key);

                // SslStream needs a key it can use for the handshake; an ephemeral PEM key is not always usable
                return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }

            return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or ArgumentException)
        {
            throw new AgentConfigurationException($"Agent:CertificatePath '{path}' cannot be loaded: {e.Message}");
        }
    }
}
