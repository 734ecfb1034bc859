using Qdms.Contracts;
using Qdms.Core.CpeAuth;
using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// TR-069 CPE authentication: a device's mode and credentials under <c>/api/v1/devices/{id}/cwmp-auth</c>, a tenant's mode under
/// <c>/api/v1/tenants/{id}/cwmp-auth</c> (another tenant's id is a 404). Passwords go in, never out.
/// </summary>
internal static class CpeAuthEndpoints
{
    public static RouteGroupBuilder MapCpeAuthEndpoints(this RouteGroupBuilder api)
    {
        var device = api.MapGroup("/devices/{id:long}/cwmp-auth").WithTags("TR-069");
        device.MapGet("/", async (long id, Caller caller, CpeAuthService service, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await service.GetDeviceAsync(caller, id, ct))));
        device.MapPut("/", async (long id, CpeAuthRequest body, Caller caller, CpeAuthService service, CancellationToken ct) =>
        {
            var credentials = body.Credentials is { } c ? new DeviceCredentials(c.Username, c.Password) : null;
            return TypedResults.Ok(ToDto(await service.PutDeviceAsync(caller, id, body.Mode, credentials, ct)));
        });

        var tenant = api.MapGroup("/tenants/{id:long}/cwmp-auth").WithTags("TR-069");
        tenant.MapGet("/", async (long id, Caller caller, CpeAuthService service, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await service.GetTenantAsync(caller, id, ct))));
        tenant.MapPut("/", async (long id, TenantCpeAuthRequest body, Caller caller, CpeAuthService service, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await service.PutTenantAsync(caller, id, body.Mode, ct))));
        return api;
    }

    private static CpeAuthDto ToDto(CpeAuthView v) =>
        new(v.DeviceId, v.TenantId, v.Mode?.ToName() ?? CpeAuthService.Inherit, v.Username, v.DigestReady, v.UpdatedAt);

    private static TenantCpeAuthDto ToDto(CpeTenantAuthView v) => new(v.TenantId, v.Mode?.ToName() ?? CpeAuthService.Inherit);
}
