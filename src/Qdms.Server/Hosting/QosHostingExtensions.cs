using Qdms.Qos;
using Qdms.Qos.Configuration;

namespace Qdms.Server.Hosting;

internal static class QosHostingExtensions
{
    /// <summary>The QoS evaluator with its settings from <c>Qdms:Qos</c>, checked at start (a bad one stops start-up naming the key).</summary>
    public static IServiceCollection AddQdmsQosEvaluator(this IServiceCollection services)
    {
        services.AddOptions<QosOptions>().BindConfiguration(QosOptions.Section).ValidateOnStart();
        services.AddQdmsQos();
        return services;
    }
}
