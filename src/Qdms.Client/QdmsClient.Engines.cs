using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    public Task<List<EngineDto>> ListEnginesAsync(CancellationToken ct = default) => GetAsync<List<EngineDto>>("api/v1/engines", ct);

    public Task<List<EngineTypeDto>> ListEngineTypesAsync(CancellationToken ct = default) => GetAsync<List<EngineTypeDto>>("api/v1/engine-types", ct);

    public Task<EngineDto> AddEngineAsync(AddEngineRequest request, CancellationToken ct = default) =>
        SendJsonAsync<EngineDto>(HttpMethod.Post, "api/v1/engines", request, ct);

    public Task RemoveEngineAsync(string type, string alias, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/engines/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(alias)}", null, ct);

    /// <summary>Starts engine <paramref name="index"/> of <paramref name="type"/> (0 = all of the type); returns the status of each.</summary>
    public Task<List<EngineDto>> StartEngineAsync(string type, int index, CancellationToken ct = default) =>
        SendJsonAsync<List<EngineDto>>(HttpMethod.Post, $"api/v1/engines/{Uri.EscapeDataString(type)}/{index}/start", null, ct);

    /// <summary>Stops engine <paramref name="index"/> of <paramref name="type"/> (0 = all of the type); returns the status of each.</summary>
    public Task<List<EngineDto>> StopEngineAsync(string type, int index, CancellationToken ct = default) =>
        SendJsonAsync<List<EngineDto>>(HttpMethod.Post, $"api/v1/engines/{Uri.EscapeDataString(type)}/{index}/stop", null, ct);

    public Task<EngineDto> GetEngineAsync(string type, int index, CancellationToken ct = default) =>
        GetAsync<EngineDto>($"api/v1/engines/{Uri.EscapeDataString(type)}/{index}", ct);

    public Task<ServiceReportDto> StartServiceAsync(CancellationToken ct = default) =>
        SendJsonAsync<ServiceReportDto>(HttpMethod.Post, "api/v1/service/start", null, ct);

    public Task<ServiceReportDto> StopServiceAsync(CancellationToken ct = default) =>
        SendJsonAsync<ServiceReportDto>(HttpMethod.Post, "api/v1/service/stop", null, ct);

    public Task<ServiceReportDto> ServiceReportAsync(CancellationToken ct = default) => GetAsync<ServiceReportDto>("api/v1/service/report", ct);
}
