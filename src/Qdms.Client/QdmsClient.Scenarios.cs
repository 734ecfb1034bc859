using System.Runtime.CompilerServices;
using System.Text;
using Qdms.Contracts;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    public Task<PageDto<ScenarioSummaryDto>> ListScenariosAsync(int? page = null, int? size = null, CancellationToken ct = default) =>
        GetAsync<PageDto<ScenarioSummaryDto>>("api/v1/scenarios" + Query(("page", page), ("size", size)), ct);

    public Task<ScenarioDto> GetScenarioAsync(long id, CancellationToken ct = default) => GetAsync<ScenarioDto>($"api/v1/scenarios/{id}", ct);

    public Task<ScenarioDto> CreateScenarioAsync(CreateScenarioRequest request, CancellationToken ct = default) =>
        SendJsonAsync<ScenarioDto>(HttpMethod.Post, "api/v1/scenarios", request, ct);

    public Task<ScenarioDto> UpdateScenarioAsync(long id, UpdateScenarioRequest request, CancellationToken ct = default) =>
        SendJsonAsync<ScenarioDto>(HttpMethod.Put, $"api/v1/scenarios/{id}", request, ct);

    public Task<ScenarioDto> SaveScenarioAsAsync(long id, string name, CancellationToken ct = default) =>
        SendJsonAsync<ScenarioDto>(HttpMethod.Post, $"api/v1/scenarios/{id}/save-as", new SaveScenarioAsRequest(name), ct);

    public Task DeleteScenarioAsync(long id, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, $"api/v1/scenarios/{id}", null, ct);

    public Task<ScenarioValidationDto> ValidateScenarioAsync(string text, CancellationToken ct = default) =>
        SendJsonAsync<ScenarioValidationDto>(HttpMethod.Post, "api/v1/scenarios/validate", new ValidateScenarioRequest(text), ct);

    public Task<List<ScenarioRunDto>> StartScenarioRunAsync(long id, StartScenarioRunRequest request, CancellationToken ct = default) =>
        SendJsonAsync<List<ScenarioRunDto>>(HttpMethod.Post, $"api/v1/scenarios/{id}/runs", request, ct);

    public Task<PageDto<ScenarioRunDto>> ListScenarioRunsAsync(long id, int? page = null, int? size = null, CancellationToken ct = default) =>
        GetAsync<PageDto<ScenarioRunDto>>($"api/v1/scenarios/{id}/runs" + Query(("page", page), ("size", size)), ct);

    public Task<ScenarioRunDto> GetScenarioRunAsync(long runId, CancellationToken ct = default) => GetAsync<ScenarioRunDto>($"api/v1/scenarios/runs/{runId}", ct);

    /// <summary>The run's log as text lines (<paramref name="view"/>: hex, ascii or both).</summary>
    public async Task<string> GetScenarioRunLogAsync(long runId, string? view = null, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"api/v1/scenarios/runs/{runId}/log" + Query(("view", view)), ct);
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>The run's events as NDJSON lines, live while it runs (from its first event), until it ends.</summary>
    public async IAsyncEnumerable<string> FollowScenarioRunAsync(long runId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/scenarios/runs/{runId}/events");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    public Task PauseScenarioRunAsync(long runId, CancellationToken ct = default) => SendAsync(HttpMethod.Post, $"api/v1/scenarios/runs/{runId}/pause", null, ct);

    public Task ResumeScenarioRunAsync(long runId, CancellationToken ct = default) => SendAsync(HttpMethod.Post, $"api/v1/scenarios/runs/{runId}/resume", null, ct);

    public Task StopScenarioRunAsync(long runId, CancellationToken ct = default) => SendAsync(HttpMethod.Post, $"api/v1/scenarios/runs/{runId}/stop", null, ct);

    public Task<ScenarioScheduleDto> CreateScenarioScheduleAsync(long id, CreateScenarioScheduleRequest request, CancellationToken ct = default) =>
        SendJsonAsync<ScenarioScheduleDto>(HttpMethod.Post, $"api/v1/scenarios/{id}/schedules", request, ct);

    public Task<List<ScenarioScheduleDto>> ListScenarioSchedulesAsync(long id, CancellationToken ct = default) =>
        GetAsync<List<ScenarioScheduleDto>>($"api/v1/scenarios/{id}/schedules", ct);

    public Task DeleteScenarioScheduleAsync(long scheduleId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/scenarios/schedules/{scheduleId}", null, ct);
}
