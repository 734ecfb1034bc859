using Dapper;
using Qdms.Storage;

namespace Qdms.Server.Operability;

internal static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: and the database does too. Both anonymous, for probes.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok\n")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", async (QdmsDb db, CancellationToken ct) =>
        {
            try
            {
                await using var c = await db.OpenAsync(ct);
                await c.ExecuteScalarAsync<int>("SELECT 1");
                return Results.Text("ready\n");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Problem(statusCode: 503, title: "Not ready", detail: $"The database does not answer: {e.Message}");
            }
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
