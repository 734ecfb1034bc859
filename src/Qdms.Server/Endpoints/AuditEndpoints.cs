using Qdms.Core.Audit;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

internal static class AuditEndpoints
{
    /// <summary>The audit log, newest first; admins see their tenant's entries, sysops all.</summary>
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (
            Caller caller, IAuditStore store, string? action, string? user, DateTimeOffset? since, DateTimeOffset? until, int? page, int? size, CancellationToken ct) =>
        {
            caller.Require(Role.Admin);
            var result = await store.ListAsync(caller.Scope, new AuditQuery(action, user, since, until), PageRequest.From(page, size), ct);
            return TypedResults.Ok(result.ToDto(e => e.ToDto()));
        }).WithTags("Audit");
        return api;
    }
}
