using System.Text.Json;
using Qdms.Contracts;
using Qdms.Core.Engines;

namespace Qdms.Server.Endpoints;

/// <summary>Engine model → wire shapes.</summary>
internal static class EngineDtoMapping
{
    public static EngineDto ToDto(this EngineView v) => new(
        v.Instance.Id,
        v.Instance.Type,
        v.Instance.Alias,
        v.Instance.Index,
        v.Status.State.ToWire(),
        v.Instance.DesiredState == EngineDesiredState.Running ? "running" : "stopped",
        v.Status.LastError,
        v.Status.Details,
        Parse(v.RedactedConfig),
        v.Instance.Node,
        v.Instance.CreatedAt,
        v.Instance.UpdatedAt);

    public static EngineTypeDto ToDto(this IDmEngineType t) => new(
        t.Name,
        t.Description,
        Parse(t.DefaultConfig().ToJsonString()),
        t.ConfigFields.Select(f => new EngineConfigFieldDto(f.Name, f.Kind, f.Description, f.Secret)).ToList());

    /// <summary>The report with what the caller sees of the inventory and the file servers beside the engines.</summary>
    public static ServiceReportDto ToDto(this ServiceReport r, DeviceSummaryDto devices, IReadOnlyList<FileServerDto> fileServers) => new(
        r.Running ? "running" : "stopped",
        r.StartedAt,
        Math.Round(r.Uptime.TotalSeconds, 3),
        r.Node,
        r.EngineCount,
        r.ActiveCount,
        r.FailedCount,
        r.HasErrors || fileServers.Any(f => f.Status != "ok"),
        r.Engines.Select(e => e.ToDto()).ToList(),
        r.Components.Select(c => new ServiceComponentDto(c.Name, c.Running, c.LastError)).ToList(),
        devices,
        fileServers);

    public static string ToWire(this EngineState s) => s switch
    {
        EngineState.Active => "active",
        EngineState.Starting => "starting",
        EngineState.Failed => "failed",
        _ => "inactive",
    };

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
