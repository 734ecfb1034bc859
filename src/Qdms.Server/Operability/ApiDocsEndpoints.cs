namespace Qdms.Server.Operability;

internal static class ApiDocsEndpoints
{
    /// <summary>The UI is middleware (static files), so it goes before authentication in the pipeline.</summary>
    public static WebApplication UseApiDocsUi(this WebApplication app)
    {
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "QDMS API v1");
            o.DocumentTitle = "QDMS API";
        });
        return app;
    }

    /// <summary>
    /// <c>/openapi/v1.json</c> and the browsable UI at <c>/api/docs</c>. Both are public: they describe the API and hold no data;
    /// every operation they list still needs a token.
    /// </summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
