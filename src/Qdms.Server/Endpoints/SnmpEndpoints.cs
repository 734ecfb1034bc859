using Qdms.Contracts;
using Qdms.Core.Security;
using Qdms.Core.Snmp;

namespace Qdms.Server.Endpoints;

/// <summary>
/// SNMP devices and polling: settings under <c>/api/v1/devices/{id}/snmp</c> (another tenant's device is a 404), devices
/// created in one call, profiles and their assignments under <c>/api/v1/snmp</c>. Secrets are never sent back.
/// </summary>
internal static class SnmpEndpoints
{
    public static RouteGroupBuilder MapSnmpEndpoints(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/devices/{id:long}/snmp").WithTags("SNMP");
        settings.MapGet("/", async (long id, Caller caller, SnmpDeviceService service, CancellationToken ct) =>
            TypedResults.Ok((await service.GetAsync(caller, id, ct)).ToDto()));
        settings.MapPut("/", async (long id, SnmpSettingsRequest body, Caller caller, SnmpDeviceService service, CancellationToken ct) =>
            TypedResults.Ok((await service.PutAsync(caller, id, body.ToInput(), ct)).ToDto()));
        settings.MapDelete("/", async (long id, Caller caller, SnmpDeviceService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(caller, id, ct);
            return TypedResults.NoContent();
        });

        var snmp = api.MapGroup("/snmp").WithTags("SNMP");
        snmp.MapPost("/devices", async (CreateSnmpDeviceRequest body, Caller caller, SnmpDeviceService service, CancellationToken ct) =>
        {
            var (device, s) = await service.CreateDeviceAsync(caller, body.Name, body.ToInput(), body.Tags, body.Profiles, body.TenantId, ct);
            return TypedResults.Created($"/api/v1/devices/{device.Id}/snmp", new SnmpDeviceDto(device.ToDto(), s.ToDto()));
        });

        snmp.MapGet("/profiles", async (Caller caller, SnmpProfileService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(caller, ct)).Select(p => p.ToDto()).ToList()));
        snmp.MapPost("/profiles", async (SnmpProfileRequest body, long? tenantId, Caller caller, SnmpProfileService service, CancellationToken ct) =>
        {
            var profile = await service.CreateAsync(caller, body.ToModel(), tenantId, ct);
            return TypedResults.Created($"/api/v1/snmp/profiles/{profile.Name}", profile.ToDto());
        });
        snmp.MapGet("/profiles/{name}", async (string name, long? tenantId, Caller caller, SnmpProfileService service, CancellationToken ct) =>
            TypedResults.Ok((await service.GetAsync(caller, name, tenantId, ct)).ToDto()));
        snmp.MapPut("/profiles/{name}", async (string name, SnmpProfileRequest body, long? tenantId, Caller caller, SnmpProfileService service, CancellationToken ct) =>
            TypedResults.Ok((await service.UpdateAsync(caller, name, body.ToModel(), tenantId, ct)).ToDto()));
        snmp.MapDelete("/profiles/{name}", async (string name, long? tenantId, Caller caller, SnmpProfileService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(caller, name, tenantId, ct);
            return TypedResults.NoContent();
        });

        snmp.MapGet("/assignments", async (Caller caller, SnmpProfileService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAssignmentsAsync(caller, ct)).Select(a => a.ToDto()).ToList()));
        snmp.MapPost("/assignments", async (SnmpAssignmentRequest body, Caller caller, SnmpProfileService service, CancellationToken ct) =>
        {
            var a = await service.AssignAsync(caller, body.Profile, body.DeviceId, body.Tag, body.TenantId, ct);
            return TypedResults.Created($"/api/v1/snmp/assignments/{a.Id}", a.ToDto());
        });
        snmp.MapDelete("/assignments/{id:long}", async (long id, Caller caller, SnmpProfileService service, CancellationToken ct) =>
        {
            await service.UnassignAsync(caller, id, ct);
            return TypedResults.NoContent();
        });
        return api;
    }
}
