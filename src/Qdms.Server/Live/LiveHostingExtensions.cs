using Qdms.Core.Live;

namespace Qdms.Server.Live;

internal static class LiveHostingExtensions
{
    /// <summary>The change hub with its store decorators (after storage is registered), the stream's options and encoder.</summary>
    public static IServiceCollection AddQdmsLiveUpdates(this IServiceCollection services)
    {
        services.AddQdmsLive();
        services.AddSingleton<LiveMessageEncoder>();
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
