using Qdms.Core.Engines;
using Qdms.Engines.Echo;
using Qdms.Engines.Tr069;
using Qdms.Scenarios.Hosting;
using Qdms.Server.Live;

namespace Qdms.Server.Hosting;

internal static class EngineHostingExtensions
{
    /// <summary>
    /// The engine types this server offers, the hosted service that restores and stops the engine instances, and the jobs
    /// that StartQdmsService / StopQdmsService start and stop with them.
    /// </summary>
    public static IServiceCollection AddQdmsEngines(this IServiceCollection services)
    {
        services.AddDmEngineType<EchoEngineType>();
        services.AddQdmsSnmp();
        services.AddTr069Engine();
        services.AddHostedService<EngineHost>();
        services.AddSingleton<Jobs.ExpiredTokenCleanup>();
        services.AddSingleton<IQdmsServiceComponent>(sp => sp.GetRequiredService<Jobs.ExpiredTokenCleanup>());
        services.AddSingleton<Jobs.TaskExpiry>();
        services.AddSingleton<IQdmsServiceComponent>(sp => sp.GetRequiredService<Jobs.TaskExpiry>());
        services.AddSingleton<Jobs.EventRetention>();
        services.AddSingleton<IQdmsServiceComponent>(sp => sp.GetRequiredService<Jobs.EventRetention>());
        services.AddOptions<Qdms.Scenarios.Hosting.ScenarioOptions>().BindConfiguration(Qdms.Scenarios.Hosting.ScenarioOptions.Section);
        services.AddQdmsScenarios();
        services.AddQdmsQosEvaluator();
        services.AddQdmsLiveUpdates(); // last: decorates the stores registered before it
        return services;
    }
}
