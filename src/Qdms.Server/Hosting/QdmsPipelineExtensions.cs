using Qdms.Server.Endpoints;
using Qdms.Server.Operability;
using Qdms.Server.Portal;

namespace Qdms.Server.Hosting;

internal static class QdmsPipelineExtensions
{
    public static WebApplication UseQdmsPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiDocsUi();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Every route QDMS serves. Each feature adds one <c>MapXxx</c> call here.</summary>
    public static WebApplication MapQdmsEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapApiDocs();
        app.MapMetricsEndpoint();

        var api = app.MapGroup("/api/v1");
        api.MapAuthEndpoints();
        api.MapUserEndpoints();
        api.MapTenantEndpoints();
        api.MapTokenEndpoints();
        api.MapAuditEndpoints();
        api.MapEngineEndpoints();
        api.MapServiceEndpoints();
        api.MapFileEndpoints();
        app.MapFileDownloadEndpoints();
        api.MapDeviceEndpoints();
        api.MapDeviceAggregateEndpoints();
        api.MapTaskEndpoints();
        api.MapBulkTaskEndpoints();
        api.MapConnectionRequestEndpoints();
        api.MapScenarioEndpoints();
        api.MapEventEndpoints();
        api.MapSnmpEndpoints();
        api.MapProvisioningEndpoints();
        api.MapCpeAuthEndpoints();
        api.MapLiveEndpoints();
        app.MapQosEndpoints();
        app.MapPortal(); // last: its fallback takes only what no other route does
        return app;
    }
}
