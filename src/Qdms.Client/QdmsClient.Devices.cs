using System.Net.Http.Headers;
using System.Text;
using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    public Task<PageDto<DeviceDto>> ListDevicesAsync(
        string? q = null, string? protocol = null, string? group = null, string? tag = null, string? status = null, int? page = null, int? size = null,
        CancellationToken ct = default) =>
        GetAsync<PageDto<DeviceDto>>("api/v1/devices" + DeviceFilters(q, protocol, group, tag, status, page, size), ct);

    public Task<DeviceDto> GetDeviceAsync(long id, CancellationToken ct = default) => GetAsync<DeviceDto>($"api/v1/devices/{id}", ct);

    public Task<DeviceDto> CreateDeviceAsync(CreateDeviceRequest request, CancellationToken ct = default) =>
        SendJsonAsync<DeviceDto>(HttpMethod.Post, "api/v1/devices", request, ct);

    public Task<DeviceDto> UpdateDeviceAsync(long id, UpdateDeviceRequest request, CancellationToken ct = default) =>
        SendJsonAsync<DeviceDto>(HttpMethod.Patch, $"api/v1/devices/{id}", request, ct);

    public Task DeleteDeviceAsync(long id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/devices/{id}", null, ct);

    public Task<List<DeviceParameterDto>> ListParametersAsync(long deviceId, string? prefix = null, CancellationToken ct = default) =>
        GetAsync<List<DeviceParameterDto>>($"api/v1/devices/{deviceId}/parameters" + Query(("prefix", prefix)), ct);

    /// <summary>Writes the devices matching the filters as CSV to <paramref name="destination"/>, streamed.</summary>
    public async Task ExportDevicesAsync(
        Stream destination, string? q = null, string? protocol = null, string? group = null, string? tag = null, string? status = null, CancellationToken ct = default)
    {
        using var response = await http.GetAsync("api/v1/devices/export" + DeviceFilters(q, protocol, group, tag, status, null, null), HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await body.CopyToAsync(destination, ct);
    }

    /// <summary>Writes the devices matching the filters as CSV text to <paramref name="destination"/>, streamed.</summary>
    public async Task ExportDevicesAsync(
        TextWriter destination, string? q = null, string? protocol = null, string? group = null, string? tag = null, string? status = null, CancellationToken ct = default)
    {
        using var response = await http.GetAsync("api/v1/devices/export" + DeviceFilters(q, protocol, group, tag, status, null, null), HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        var buffer = new char[16 * 1024];
        int n;
        while ((n = await reader.ReadAsync(buffer, ct)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, n), ct);
        }

        await destination.FlushAsync(ct);
    }

    /// <summary>Imports a CSV stream (see the server's DeviceCsv columns); <paramref name="tenantId"/> is for sysops.</summary>
    public async Task<DeviceImportResultDto> ImportDevicesAsync(Stream csv, long? tenantId = null, CancellationToken ct = default)
    {
        using var content = new StreamContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var response = await http.PostAsync("api/v1/devices/import" + Query(("tenantId", tenantId)), content, ct);
        return await ReadAsync<DeviceImportResultDto>(response, ct);
    }

    public Task<DeviceImportResultDto> ImportDevicesAsync(string csv, long? tenantId = null, CancellationToken ct = default) =>
        ImportDevicesAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), tenantId, ct);

    public Task<DeviceTaskDto> CreateTaskAsync(long deviceId, CreateTaskRequest request, CancellationToken ct = default) =>
        SendJsonAsync<DeviceTaskDto>(HttpMethod.Post, $"api/v1/devices/{deviceId}/tasks", request, ct);

    public Task<DeviceTaskDto> GetTaskAsync(long id, CancellationToken ct = default) => GetAsync<DeviceTaskDto>($"api/v1/tasks/{id}", ct);

    public Task<List<DeviceTaskDto>> ListTasksAsync(long deviceId, string? status = null, CancellationToken ct = default) =>
        GetAsync<List<DeviceTaskDto>>($"api/v1/devices/{deviceId}/tasks" + Query(("status", status)), ct);

    private static string DeviceFilters(string? q, string? protocol, string? group, string? tag, string? status, int? page, int? size) =>
        Query(("q", q), ("protocol", protocol), ("group", group), ("tag", tag), ("status", status), ("page", page), ("size", size));
}
