using Qdms.Contracts;
using Qdms.Core.Engines;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// The DM engine manager (IF-01-04…08) over REST. Viewers and up read; only sysops change (engines are system-wide).
/// Start and stop answer with the status of each engine they touched (index 0 = all of the type), failed ones included.
/// </summary>
internal static class EngineEndpoints
{
    public static RouteGroupBuilder MapEngineEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/engine-types", (Caller caller, EngineManager manager) =>
            TypedResults.Ok(manager.ListTypes(caller).Select(t => t.ToDto()).ToList()))
            .WithTags("Engines");

        var engines = api.MapGroup("/engines").WithTags("Engines");
        engines.MapGet("/", async (Caller caller, EngineManager manager, CancellationToken ct) =>
            TypedResults.Ok((await manager.ListAsync(caller, ct)).Select(e => e.ToDto()).ToList()));

        engines.MapPost("/", async (AddEngineRequest body, Caller caller, EngineManager manager, CancellationToken ct) =>
        {
            var added = await manager.AddAsync(caller, body.Type, body.Alias, body.Config, ct);
            return TypedResults.Created($"/api/v1/engines/{added.Instance.Type}/{added.Instance.Index}", added.ToDto());
        });

        engines.MapDelete("/{type}/{alias}", async (string type, string alias, Caller caller, EngineManager manager, CancellationToken ct) =>
        {
            await manager.RemoveAsync(caller, type, alias, ct);
            return TypedResults.NoContent();
        });

        engines.MapGet("/{type}/{index:int}", async (string type, int index, Caller caller, EngineManager manager, CancellationToken ct) =>
            TypedResults.Ok((await manager.QueryAsync(caller, type, index, ct)).ToDto()));

        engines.MapPost("/{type}/{index:int}/start", async (string type, int index, Caller caller, EngineManager manager, CancellationToken ct) =>
            TypedResults.Ok((await manager.StartAsync(caller, type, index, ct)).Select(e => e.ToDto()).ToList()));

        engines.MapPost("/{type}/{index:int}/stop", async (string type, int index, Caller caller, EngineManager manager, CancellationToken ct) =>
            TypedResults.Ok((await manager.StopAsync(caller, type, index, ct)).Select(e => e.ToDto()).ToList()));
        return api;
    }
}
