using System.Text;
using Qdms.Contracts;
using Qdms.Core.Errors;
using Qdms.Core.Paging;
using Qdms.Core.Security;
using Qdms.Scenarios.Hosting;
using Qdms.Scenarios.Running;

namespace Qdms.Server.Endpoints;

/// <summary>
/// Scenarios (stored, edited, saved-as, validated), their runs (started against a device, a group or a target; followed live as
/// NDJSON; paused, resumed, stopped; read back with results and logs) and their schedules. Operators edit and run, viewers read.
/// </summary>
internal static class ScenarioEndpoints
{
    public static RouteGroupBuilder MapScenarioEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/scenarios").WithTags("Scenarios");

        g.MapGet("", async (int? page, int? size, Caller caller, ScenarioService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(caller, PageRequest.From(page, size), ct)).ToDto(s => s.ToSummaryDto())));

        g.MapPost("", async (CreateScenarioRequest body, Caller caller, ScenarioService service, CancellationToken ct) =>
        {
            var s = await service.CreateAsync(caller, body.Text, body.Name, body.TenantId, ct);
            return TypedResults.Created($"/api/v1/scenarios/{s.Id}", s.ToDto());
        });

        g.MapPost("/validate", (ValidateScenarioRequest body, Caller caller) =>
        {
            caller.Require(Role.Viewer);
            if (body.Text is { Length: > Qdms.Scenarios.Format.ScenarioParser.MaxTextLength })
            {
                throw new PayloadTooLargeException($"a scenario may be at most {Qdms.Scenarios.Format.ScenarioParser.MaxTextLength} characters.");
            }

            var (doc, problems) = ScenarioService.Check(body.Text);
            return TypedResults.Ok(new ScenarioValidationDto(doc is not null, doc?.Name, doc?.Steps.Count ?? 0, problems.Select(p => p.ToDto()).ToList()));
        });

        g.MapGet("/{id:long}", async (long id, Caller caller, ScenarioService service, CancellationToken ct) =>
            TypedResults.Ok((await service.GetAsync(caller, id, ct)).ToDto()));

        g.MapPut("/{id:long}", async (long id, UpdateScenarioRequest body, Caller caller, ScenarioService service, CancellationToken ct) =>
            TypedResults.Ok((await service.UpdateAsync(caller, id, body.Text, body.Revision, ct)).ToDto()));

        g.MapDelete("/{id:long}", async (long id, Caller caller, ScenarioService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(caller, id, ct);
            return TypedResults.NoContent();
        });

        g.MapPost("/{id:long}/save-as", async (long id, SaveScenarioAsRequest body, Caller caller, ScenarioService service, CancellationToken ct) =>
        {
            var s = await service.SaveAsAsync(caller, id, body.Name, ct);
            return TypedResults.Created($"/api/v1/scenarios/{s.Id}", s.ToDto());
        });

        g.MapPost("/{id:long}/runs", async (long id, StartScenarioRunRequest? body, Caller caller, ScenarioRunService runs, CancellationToken ct) =>
        {
            var started = await runs.StartAsync(caller, id, body ?? new StartScenarioRunRequest(), ct);
            return TypedResults.Accepted(started.Count == 1 ? $"/api/v1/scenarios/runs/{started[0].Id}" : $"/api/v1/scenarios/{id}/runs",
                started.Select(r => r.ToDto(withResult: false)).ToList());
        });

        g.MapGet("/{id:long}/runs", async (long id, int? page, int? size, Caller caller, ScenarioRunService runs, CancellationToken ct) =>
            TypedResults.Ok((await runs.ListAsync(caller, id, null, PageRequest.From(page, size), ct)).ToDto(r => r.ToDto(withResult: false))));

        g.MapGet("/runs", async (long? deviceId, int? page, int? size, Caller caller, ScenarioRunService runs, CancellationToken ct) =>
            TypedResults.Ok((await runs.ListAsync(caller, null, deviceId, PageRequest.From(page, size), ct)).ToDto(r => r.ToDto(withResult: false))));

        g.MapGet("/runs/{runId:long}", async (long runId, Caller caller, ScenarioRunService runs, CancellationToken ct) =>
            TypedResults.Ok((await runs.GetAsync(caller, runId, ct)).ToDto()));

        g.MapGet("/runs/{runId:long}/events", async (long runId, Caller caller, ScenarioRunService runs, CancellationToken ct) =>
        {
            _ = await runs.GetAsync(caller, runId, ct);
            return TypedResults.Stream(async stream =>
            {
                await foreach (var line in runs.EventsAsync(caller, runId, ct))
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), ct);
                    await stream.FlushAsync(ct);
                }
            }, "application/x-ndjson");
        });

        g.MapGet("/runs/{runId:long}/log", async (long runId, string? view, Caller caller, ScenarioRunService runs, CancellationToken ct) =>
        {
            var v = view switch
            {
                null or "both" => LogView.Both,
                "hex" => LogView.Hex,
                "ascii" => LogView.Ascii,
                _ => throw new ValidationException("view", $"view is hex, ascii or both; got '{view}'."),
            };
            return TypedResults.Text(await runs.LogTextAsync(caller, runId, v, ct), "text/plain; charset=utf-8");
        });

        g.MapPost("/runs/{runId:long}/pause", async (long runId, Caller caller, ScenarioRunService runs, CancellationToken ct) =>
        {
            await runs.PauseAsync(caller, runId, ct);
            return TypedResults.Accepted($"/api/v1/scenarios/runs/{runId}");
        });

        g.MapPost("/runs/{runId:long}/resume", async (long runId, Caller caller, ScenarioRunService runs, CancellationToken ct) =>
        {
            await runs.ResumeAsync(caller, runId, ct);
            return TypedResults.Accepted($"/api/v1/scenarios/runs/{runId}");
        });

        g.MapPost("/runs/{runId:long}/stop", async (long runId, Caller caller, ScenarioRunService runs, CancellationToken ct) =>
        {
            await runs.StopAsync(caller, runId, ct);
            return TypedResults.Accepted($"/api/v1/scenarios/runs/{runId}");
        });

        g.MapGet("/{id:long}/schedules", async (long id, Caller caller, ScenarioScheduleService schedules, CancellationToken ct) =>
            TypedResults.Ok((await schedules.ListAsync(caller, id, ct)).Select(s => s.ToDto()).ToList()));

        g.MapPost("/{id:long}/schedules", async (long id, CreateScenarioScheduleRequest body, Caller caller, ScenarioScheduleService schedules, CancellationToken ct) =>
        {
            var s = await schedules.CreateAsync(caller, id, body.IntervalSeconds, body.DeviceId, body.Group, ct);
            return TypedResults.Created($"/api/v1/scenarios/{id}/schedules", s.ToDto());
        });

        g.MapDelete("/schedules/{scheduleId:long}", async (long scheduleId, Caller caller, ScenarioScheduleService schedules, CancellationToken ct) =>
        {
            await schedules.DeleteAsync(caller, scheduleId, ct);
            return TypedResults.NoContent();
        });
        g.MapScenarioLogStream();
        return api;
    }
}
