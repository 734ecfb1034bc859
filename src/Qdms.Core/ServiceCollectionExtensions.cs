using Microsoft.Extensions.DependencyInjection;
using Qdms.Core.Audit;
using Qdms.Core.Auth;
using Qdms.Core.Devices;
using Qdms.Core.Engines;
using Qdms.Core.Files;
using Qdms.Core.Provisioning;
using Qdms.Core.Security;
using Qdms.Core.Snmp;
using Qdms.Core.Tenants;
using Qdms.Core.Users;

namespace Qdms.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>The application services of Core. Storage must register the store interfaces.</summary>
    public static IServiceCollection AddQdmsCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DefaultTenant>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<PasswordVerifier>();
        services.AddSingleton<AuthService>();
        services.AddSingleton<Bootstrap>();
        services.AddSingleton<UserService>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<EngineTypeRegistry>();
        services.AddSingleton<EngineManager>();
        services.AddSingleton<IFileContentStore, LocalDiskContentStore>();
        services.AddSingleton<FileService>();
        services.AddSingleton<DeviceService>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<Qdms.Core.Devices.Bulk.BulkTaskService>();
        services.AddSingleton<DeviceWakers>();
        services.AddSingleton<DeviceWakeService>();
        services.AddSingleton<IDeviceAuthenticator, DeviceAuthenticator>();
        services.AddSingleton<SnmpInventorySignal>();
        services.AddSingleton<SnmpDeviceService>();
        services.AddSingleton<SnmpProfileService>();
        services.AddSingleton<ProvisioningRuleCache>();
        services.AddSingleton<ProvisioningService>();
        services.AddSingleton<ProvisioningApplier>();
        services.AddSingleton<CpeAuth.CpeAuthService>();
        return services;
    }
}
