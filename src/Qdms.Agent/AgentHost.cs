using System.Net;
using System.Security.Cryptography.X509Certificates;
using Qdms.Agent.Sampling;

namespace Qdms.Agent;

/// <summary>Builds the agent's web host from configuration files, environment and command line.</summary>
internal static class AgentHost
{
    /// <summary>Optional system-wide configuration file.</summary>
    public const string SystemConfigFile = "/etc/qdms-agent/agent.json";

    /// <summary>Command-line switches and the keys they set.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--address"] = "Agent:Address",
        ["--port"] = "Agent:Port",
        ["--token"] = "Agent:Token",
        ["--groups"] = "Agent:Groups",
        ["--interface"] = "Agent:Interface",
        ["--link-speed"] = "Agent:DefaultLinkSpeedMbps",
        ["--mount"] = "Agent:Mount",
        ["--certificate"] = "Agent:CertificatePath",
        ["--certificate-key"] = "Agent:CertificateKeyPath",
        ["--proc-root"] = "Agent:ProcRoot",
        ["--sys-root"] = "Agent:SysRoot",
        ["--sample-interval-ms"] = "Agent:SampleIntervalMs",
    };

    /// <summary>Builds the host; throws <see cref="AgentConfigurationException"/> for unusable settings.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration
            .AddJsonFile(SystemConfigFile, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("QDMS_")
            .AddCommandLine(args, Switches.ToDictionary());

        var options = Bind(builder.Configuration);
        var certificate = options.CertificatePath is null ? null : LoadCertificate(options);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(options.Address), options.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, AgentJson.Default));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new SampleStore(options.EnabledGroups, DeviceSampler.CountCores(options.ProcRoot)));
        builder.Services.AddSingleton<DeviceSampler>();
        builder.Services.AddHostedService<SamplingService>();

        var app = builder.Build();
        app.MapDeviceQos(options);
        return app;
    }

    private static AgentOptions Bind(IConfiguration configuration)
    {
        AgentOptions options;
        try
        {
            options = configuration.GetSection(AgentOptions.Section).Get<AgentOptions>() ?? new AgentOptions();
        }
        catch (InvalidOperationException e)
        {
            // the binder names the key and the value it could not convert
            throw new AgentConfigurationException(e.Message);
        }

        var errors = AgentOptionsValidator.Validate(options);
        return errors.Count == 0 ? options : throw new AgentConfigurationException(string.Join(Environment.NewLine, errors));
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
                var pem = options.CertificatePassword is { } password
                    ? X509Certificate2.CreateFromEncryptedPemFile(path, password, key)
                    : X509Certificate2.CreateFromPemFile(path, key);

                // Kestrel needs a key it can use for the TLS handshake; an ephemeral PEM key is not always usable
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
