using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdms.Core.Engines;
using Qdms.Qos.Augmented;
using Qdms.Qos.Configuration;
using Qdms.Qos.Jobs;
using Qdms.Qos.Journal;
using Qdms.Qos.Probing;
using Qdms.Qos.Scheduling;
using Qdms.Qos.Scoring;
using Qdms.Qos.Services;
using Qdms.Qos.Targets;
using Qdms.Qos.Window;

namespace Qdms.Qos;

public static class QosServiceCollectionExtensions
{
    /// <summary>
    /// The QoS evaluator: options from <c>Qdms:Qos</c> (checked at start), the services the endpoints use, and the evaluator
    /// registered as an <see cref="IQdmsServiceComponent"/>. The caller binds the options section (<c>AddOptions&lt;QosOptions&gt;().Bind(…)</c>).
    /// </summary>
    public static IServiceCollection AddQdmsQos(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<QosOptions>, QosOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<QosOptions>>().Value);
        services.AddSingleton(sp => new QosWindowStore(sp.GetRequiredService<QosOptions>().EvaluationWindow));
        services.AddSingleton<QosTargets>();
        services.AddSingleton<QosJournal>();
        services.AddSingleton<QosScorer>();
        services.AddSingleton<QosOrganizer>();
        services.AddSingleton<QosRecorder>();
        services.AddSingleton<QosCleaning>();
        services.AddSingleton<RttProbes>();
        services.AddSingleton(sp => new QosScheduler(sp.GetRequiredService<QosOptions>().MaxConcurrency, sp.GetRequiredService<ILogger<QosScheduler>>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<QosOptions>();
            var handler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(o.AugmentedIntervalSeconds * 2),
                ConnectTimeout = TimeSpan.FromMilliseconds(o.AgentTimeoutMs),
                AutomaticDecompression = DecompressionMethods.None,
                UseProxy = false,
                AllowAutoRedirect = false,
            };
            return new AgentClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, o.AgentScheme, o.AgentPort, o.AgentToken);
        });
        services.AddSingleton<QosMeasurer>();
        services.AddSingleton<QosEvaluator>();
        services.AddSingleton<IQdmsServiceComponent>(sp => sp.GetRequiredService<QosEvaluator>());
        services.AddSingleton<QosEvaluationService>();
        services.AddSingleton<QosManagementService>();
        services.AddSingleton<QosNativeService>();
        return services;
    }
}
