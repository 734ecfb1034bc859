using System.Text.Json;
using Qdms.Contracts;
using Qdms.Core.Scenarios;
using Qdms.Scenarios.Format;
using Qdms.Scenarios.Hosting;

namespace Qdms.Server.Endpoints;

/// <summary>Scenario model → wire shapes.</summary>
internal static class ScenarioDtoMapping
{
    public static ScenarioDto ToDto(this StoredScenario s) =>
        new(s.Id, s.TenantId, s.Name, s.Text, s.Revision, s.DerivedFromId, s.DerivedFromRevision, s.CreatedAt, s.CreatedBy, s.UpdatedAt, s.UpdatedBy);

    public static ScenarioSummaryDto ToSummaryDto(this StoredScenario s) => new(s.Id, s.TenantId, s.Name, s.Revision, s.DerivedFromId, s.UpdatedAt, s.UpdatedBy);

    public static ScenarioRunDto ToDto(this ScenarioRunRecord r, bool withResult = true) =>
        new(r.Id, r.TenantId, r.ScenarioId, r.ScenarioRevision, r.DeviceId, r.Target, StateName(r.State), r.Verdict, r.Message, r.RequestedBy, r.StartedAt, r.EndedAt,
            withResult && r.ResultJson is { } json ? JsonSerializer.Deserialize<ScenarioRunResultDto>(json, ScenarioRunService.Json) : null);

    public static ScenarioScheduleDto ToDto(this ScenarioSchedule s) => new(s.Id, s.ScenarioId, s.DeviceId, s.DeviceGroup, s.IntervalSeconds, s.NextRunAt, s.CreatedBy);

    public static ScenarioProblemDto ToDto(this ScenarioProblem p) => new(p.Position.Line, p.Position.Column, p.Position.Path, p.Message);

    public static string StateName(ScenarioRunState s) => s switch
    {
        ScenarioRunState.Running => "running",
        ScenarioRunState.Completed => "completed",
        ScenarioRunState.Aborted => "aborted",
        ScenarioRunState.LimitReached => "limit-reached",
        ScenarioRunState.Stopped => "stopped",
        _ => "error",
    };
}
