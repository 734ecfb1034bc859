using Microsoft.Extensions.DependencyInjection;
using Qdms.Core.Engines;

namespace Qdms.Engines.Tr069;

public static class Tr069ServiceCollectionExtensions
{
    /// <summary>Offers the <c>tr069</c> engine type (and the services its engines share).</summary>
    public static IServiceCollection AddTr069Engine(this IServiceCollection services)
    {
        services.AddSingleton<Tr069Services>();
        services.AddSingleton<Auth.CpeAuthServices>();
        services.AddDmEngineType<Tr069EngineType>();
        return services;
    }
}
