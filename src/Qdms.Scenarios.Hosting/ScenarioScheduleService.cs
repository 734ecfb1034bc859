using Qdms.Core.Audit;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Scenarios;
using Qdms.Core.Security;

namespace Qdms.Scenarios.Hosting;

/// <summary>Schedules of a scenario's runs against a device or a group: the first run is due at once, then one every interval (operators create and delete, viewers list).</summary>
public sealed class ScenarioScheduleService(IScenarioStore scenarios, IScenarioScheduleStore schedules, IDeviceStore devices, AuditLog audit, TimeProvider time)
{
    /// <summary>The shortest interval.</summary>
    public const int MinIntervalSeconds = 10;

    /// <summary>The longest interval (30 days).</summary>
    public const int MaxIntervalSeconds = 30 * 86_400;

    public async Task<ScenarioSchedule> CreateAsync(Caller caller, long scenarioId, int intervalSeconds, long? deviceId, string? group, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        if (intervalSeconds is < MinIntervalSeconds or > MaxIntervalSeconds)
        {
            throw new ValidationException("intervalSeconds", $"intervalSeconds must be between {MinIntervalSeconds} and {MaxIntervalSeconds}; got {intervalSeconds}.");
        }

        if ((deviceId is null) == string.IsNullOrWhiteSpace(group))
        {
            throw new ValidationException("deviceId", "give exactly one of deviceId and group.");
        }

        var scenario = await scenarios.GetAsync(scenarioId, caller.Scope, ct) ?? throw NotFoundException.For("scenario", scenarioId);
        if (deviceId is { } d && (await devices.GetAsync(d, caller.Scope, ct))?.TenantId != scenario.TenantId)
        {
            throw NotFoundException.For("device", d);
        }

        var now = time.GetUtcNow();
        var created = await schedules.CreateAsync(new ScenarioSchedule(0, scenario.TenantId, scenario.Id, deviceId, group?.Trim(), intervalSeconds,
            now, now, caller.Username), ct);
        await audit.RecordAsync(caller, "scenario.schedule.create", $"scenario-schedule/{created.Id}", scenario.TenantId,
            $"scenario/{scenarioId} every {intervalSeconds} s on {(deviceId is { } dd ? $"device/{dd}" : $"group {group}")}", ct);
        return created;
    }

    public async Task<IReadOnlyList<ScenarioSchedule>> ListAsync(Caller caller, long scenarioId, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        _ = await scenarios.GetAsync(scenarioId, caller.Scope, ct) ?? throw NotFoundException.For("scenario", scenarioId);
        return await schedules.ListAsync(caller.Scope, scenarioId, ct);
    }

    public async Task DeleteAsync(Caller caller, long scheduleId, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        if (!await schedules.DeleteAsync(scheduleId, caller.Scope, ct))
        {
            throw NotFoundException.For("scenario schedule", scheduleId);
        }

        await audit.RecordAsync(caller, "scenario.schedule.delete", $"scenario-schedule/{scheduleId}", caller.TenantId, null, ct);
    }
}
