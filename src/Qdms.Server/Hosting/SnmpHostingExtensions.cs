using Microsoft.Extensions.DependencyInjection.Extensions;
using Qdms.Core.Engines;
using Qdms.Core.Security;
using Qdms.Engines.Snmp;
using Qdms.Storage;

namespace Qdms.Server.Hosting;

internal static class SnmpHostingExtensions
{
    /// <summary>The configuration keys of the secret key: base64 of 32 bytes, or a file holding it (default <c>&lt;data&gt;/secret.key</c>).</summary>
    public const string SecretKeySetting = "Qdms:Secrets:Key";
    public const string SecretKeyFileSetting = "Qdms:Secrets:KeyFile";

    /// <summary>The <see cref="SecretBox"/> for stored device secrets and the <c>snmp</c> engine type.</summary>
    public static IServiceCollection AddQdmsSnmp(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            if (configuration[SecretKeySetting] is { Length: > 0 } key)
            {
                return SecretBox.FromBase64(key, SecretKeySetting);
            }

            var file = configuration[SecretKeyFileSetting];
            return SecretBox.LoadOrCreate(string.IsNullOrWhiteSpace(file) ? Path.Combine(sp.GetRequiredService<StorageOptions>().DataDirectory, "secret.key") : file);
        });
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SnmpEngineServices>(sp)); // resolved when an snmp engine is created
        services.AddDmEngineType<SnmpEngineType>();
        return services;
    }
}
