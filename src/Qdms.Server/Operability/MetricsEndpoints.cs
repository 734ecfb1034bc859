using Qdms.Core.Security;

namespace Qdms.Server.Operability;

internal static class MetricsEndpoints
{
    /// <summary>
    /// <c>GET /metrics</c> in Prometheus text format. It counts every tenant's devices, so it needs a sysop's token:
    /// give the scraper an API token of a dedicated sysop user (Prometheus: <c>authorization: credentials_file</c>).
    /// </summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        app.MapGet("/metrics", async (Caller caller, PrometheusExporter exporter, QdmsMeter meter, CancellationToken ct) =>
        {
            caller.Require(Role.Sysop);
            await meter.RefreshAsync(ct);
            return Results.Text(exporter.Render(), "text/plain; version=0.0.4; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
