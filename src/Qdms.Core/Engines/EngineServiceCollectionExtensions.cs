using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Qdms.Core.Engines;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Makes an engine type known to the <see cref="EngineManager"/>: <c>services.AddDmEngineType&lt;EchoEngineType&gt;()</c>.</summary>
    public static IServiceCollection AddDmEngineType<T>(this IServiceCollection services)
        where T : class, IDmEngineType
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDmEngineType, T>());
        return services;
    }
}
