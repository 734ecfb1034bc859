using Qdms.Contracts;
using Qdms.Core.Security;
using Qdms.Core.Tenants;

namespace Qdms.Server.Endpoints;

internal static class TenantEndpoints
{
    public static RouteGroupBuilder MapTenantEndpoints(this RouteGroupBuilder api)
    {
        var tenants = api.MapGroup("/tenants").WithTags("Tenants");
        tenants.MapGet("/", async (Caller caller, TenantService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(caller, ct)).Select(t => t.ToDto()).ToList()));

        tenants.MapPost("/", async (CreateTenantRequest body, Caller caller, TenantService service, CancellationToken ct) =>
        {
            var tenant = await service.CreateAsync(caller, body.Name, body.DisplayName, ct);
            return TypedResults.Created($"/api/v1/tenants/{tenant.Id}", tenant.ToDto());
        });

        tenants.MapDelete("/{id:long}", async (long id, Caller caller, TenantService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(caller, id, ct);
            return TypedResults.NoContent();
        });
        return api;
    }
}
