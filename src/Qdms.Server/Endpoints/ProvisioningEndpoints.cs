using System.Text.Json;
using Qdms.Core.Provisioning;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// Provisioning rules under <c>/api/v1/provisioning/rules</c>: viewers list, show and preview; operators create, replace and
/// delete. Another tenant's rule or device is a 404. Bodies are read as JSON by <see cref="ProvisioningRuleParser"/>, so
/// every 400 names the member at fault.
/// </summary>
internal static class ProvisioningEndpoints
{
    public static RouteGroupBuilder MapProvisioningEndpoints(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/provisioning/rules").WithTags("Provisioning");
        rules.MapGet("/", async (Caller caller, ProvisioningService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(caller, ct)).Select(r => r.ToDto()).ToList()));
        rules.MapPost("/", async (JsonElement body, long? tenantId, Caller caller, ProvisioningService service, CancellationToken ct) =>
        {
            var rule = await service.CreateAsync(caller, body, tenantId, ct);
            return TypedResults.Created($"/api/v1/provisioning/rules/{rule.Id}", rule.ToDto());
        });
        rules.MapGet("/{id:long}", async (long id, Caller caller, ProvisioningService service, CancellationToken ct) =>
            TypedResults.Ok((await service.GetAsync(caller, id, ct)).ToDto()));
        rules.MapPut("/{id:long}", async (long id, JsonElement body, Caller caller, ProvisioningService service, CancellationToken ct) =>
            TypedResults.Ok((await service.UpdateAsync(caller, id, body, ct)).ToDto()));
        rules.MapDelete("/{id:long}", async (long id, Caller caller, ProvisioningService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(caller, id, ct);
            return TypedResults.NoContent();
        });
        rules.MapPost("/{id:long}/preview", async (long id, long deviceId, string? @event, Caller caller, ProvisioningService service, CancellationToken ct) =>
            TypedResults.Ok((await service.PreviewAsync(caller, id, deviceId, @event, ct)).ToDto()));
        return api;
    }
}
