using Microsoft.Extensions.DependencyInjection;
using Qdms.Core.Devices;
using Qdms.Core.Engines;
using Qdms.Core.Events;
using Qdms.Core.Snmp;

namespace Qdms.Core.Live;

public static class LiveServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="LiveHub"/> and the decorators that feed it, wrapped around the stores already registered (call after
    /// storage). Stores that are not registered are left alone.
    /// </summary>
    public static IServiceCollection AddQdmsLive(this IServiceCollection services)
    {
        services.AddSingleton<LiveHub>();
        services.AddSingleton<DeviceTenants>();
        Decorate<IDeviceTaskStore>(services, (sp, inner) => new LiveDeviceTaskStore(inner, sp.GetRequiredService<LiveHub>()));
        Decorate<IDeviceEventStore>(services, (sp, inner) => new LiveDeviceEventStore(inner, sp.GetRequiredService<LiveHub>()));
        Decorate<IDeviceStore>(services, (sp, inner) => new LiveDeviceStore(inner, sp.GetRequiredService<LiveHub>(), sp.GetRequiredService<DeviceTenants>()));
        Decorate<IDeviceContactStore>(services, (sp, inner) => new LiveDeviceContactStore(inner, sp.GetRequiredService<LiveHub>(), sp.GetRequiredService<DeviceTenants>()));
        Decorate<ISnmpPollStore>(services, (sp, inner) => new LiveSnmpPollStore(inner, sp.GetRequiredService<LiveHub>(), sp.GetRequiredService<DeviceTenants>()));
        Decorate<IEngineInstanceStore>(services, (sp, inner) => new LiveEngineInstanceStore(inner, sp.GetRequiredService<LiveHub>()));
        return services;
    }

    /// <summary>Replaces the last registration of <typeparamref name="TService"/> by a decorator around what it built.</summary>
    private static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(TService) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return;
        }

        var original = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(TService), sp => decorate(sp, Build<TService>(sp, original)), original.Lifetime);
    }

    private static TService Build<TService>(IServiceProvider sp, ServiceDescriptor d) where TService : class =>
        (TService)(d.ImplementationInstance
            ?? d.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
