using Microsoft.Extensions.DependencyInjection;
using Qdms.Core.Engines;

namespace Qdms.Scenarios.Hosting;

/// <summary>Registers the scenario services and the scheduler (a QDMS service component).</summary>
public static class ScenarioHostingExtensions
{
    public static IServiceCollection AddQdmsScenarios(this IServiceCollection services)
    {
        services.AddSingleton<ScenarioService>();
        services.AddSingleton<ScenarioRunService>();
        services.AddSingleton<ScenarioScheduleService>();
        services.AddSingleton<ScenarioScheduler>();
        services.AddSingleton<IQdmsServiceComponent>(sp => sp.GetRequiredService<ScenarioScheduler>());
        return services;
    }
}
