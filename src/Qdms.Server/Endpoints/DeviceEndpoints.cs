using System.Text;
using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Devices.Csv;
using Qdms.Core.Errors;
using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Server.Endpoints;

/// <summary>
/// The device inventory under <c>/api/v1/devices</c>. The list's <c>q</c> is a case-insensitive prefix of the name, serial, model,
/// manufacturer or any identity key; <c>group</c> matches the provision or the update group; <c>model</c> and
/// <c>firmware</c> match exactly ("" = none reported). Another tenant's device is a 404 everywhere.
/// </summary>
internal static class DeviceEndpoints
{
    /// <summary>The largest CSV an import accepts.</summary>
    public const long MaxImportBytes = 64L * 1024 * 1024;

    public static RouteGroupBuilder MapDeviceEndpoints(this RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/devices").WithTags("Devices");
        devices.MapGet("/", async (
            Caller caller, DeviceService service, string? q, string? protocol, string? group, string? tag, string? status, string? model, string? firmware, int? page, int? size, CancellationToken ct) =>
        {
            var result = await service.ListAsync(caller, new DeviceQuery(q, protocol, group, tag, DeviceDtoMapping.ParseDeviceStatus(status), model, firmware), PageRequest.From(page, size), ct);
            return TypedResults.Ok(result.ToDto(d => d.ToDto()));
        });

        devices.MapGet("/export", (HttpContext http, Caller caller, DeviceService service, string? q, string? protocol, string? group, string? tag, string? status) =>
        {
            var query = service.PrepareExport(caller, new DeviceQuery(q, protocol, group, tag, DeviceDtoMapping.ParseDeviceStatus(status)));
            return TypedResults.Stream(
                async stream =>
                {
                    var ct = http.RequestAborted;
                    await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
                    await writer.WriteAsync(DeviceCsv.Header + "\r\n");
                    await foreach (var d in service.ExportAsync(caller, query, ct))
                    {
                        await writer.WriteAsync(DeviceCsv.Row(d));
                    }
                },
                "text/csv; charset=utf-8",
                "devices.csv");
        });

        devices.MapPost("/import", async (HttpRequest request, Caller caller, DeviceService service, long? tenantId, CancellationToken ct) =>
        {
            using var text = new StreamReader(await ReadLimitedAsync(request, ct), Encoding.UTF8);
            var result = await service.ImportAsync(caller, text, tenantId, ct);
            return TypedResults.Ok(new DeviceImportResultDto(result.Created, result.Updated));
        }).Accepts<string>("text/csv");

        devices.MapGet("/{id:long}", async (long id, Caller caller, DeviceService service, CancellationToken ct) =>
            TypedResults.Ok((await service.GetAsync(caller, id, ct)).ToDto()));

        devices.MapPost("/", async (CreateDeviceRequest body, Caller caller, DeviceService service, CancellationToken ct) =>
        {
            var draft = new DeviceDraft(
                body.Name ?? "", body.Identities.Select(i => new DeviceIdentity(i.Protocol, i.Key)).ToList(), body.Manufacturer, body.Model, body.Serial,
                body.FirmwareVersion, body.Address, body.Tags, body.ProvisionGroup, body.UpdateGroup);
            var device = await service.CreateAsync(caller, draft, body.TenantId, Credentials(body.Credentials), ct);
            return TypedResults.Created($"/api/v1/devices/{device.Id}", device.ToDto());
        });

        devices.MapPatch("/{id:long}", async (long id, UpdateDeviceRequest body, Caller caller, DeviceService service, CancellationToken ct) =>
        {
            var change = new DeviceChange(body.Name, body.Tags, body.ProvisionGroup, body.UpdateGroup, body.Address);
            return TypedResults.Ok((await service.UpdateAsync(caller, id, change, Credentials(body.Credentials), body.RemoveCredentials == true, ct)).ToDto());
        });

        devices.MapDelete("/{id:long}", async (long id, Caller caller, DeviceService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(caller, id, ct);
            return TypedResults.NoContent();
        });

        devices.MapGet("/{id:long}/parameters", async (long id, string? prefix, Caller caller, DeviceService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListParametersAsync(caller, id, prefix, ct)).Select(p => p.ToDto()).ToList()));
        return api;
    }

    private static DeviceCredentials? Credentials(DeviceCredentialsDto? dto) => dto is null ? null : new DeviceCredentials(dto.Username, dto.Password);

    /// <summary>The request body in memory, refused with 413 past <see cref="MaxImportBytes"/> (an import is one transaction anyway).</summary>
    private static async Task<MemoryStream> ReadLimitedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxImportBytes)
        {
            throw new PayloadTooLargeException($"An import is at most {MaxImportBytes / (1024 * 1024)} MiB.");
        }

        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxImportBytes)
            {
                throw new PayloadTooLargeException($"An import is at most {MaxImportBytes / (1024 * 1024)} MiB.");
            }

            buffer.Write(chunk, 0, n);
        }

        buffer.Position = 0;
        return buffer;
    }
}
