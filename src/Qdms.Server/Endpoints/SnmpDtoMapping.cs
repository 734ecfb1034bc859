using Qdms.Contracts;
using Qdms.Core.Errors;
using Qdms.Core.Snmp;

namespace Qdms.Server.Endpoints;

/// <summary>SNMP model ↔ wire shapes.</summary>
internal static class SnmpDtoMapping
{
    public static SnmpSettingsDto ToDto(this SnmpSettingsView s) => new(
        s.DeviceId, s.Host, s.Port, SnmpNames.Name(s.Version), s.CommunitySet,
        s.UserName is null ? null : new SnmpUserDto(s.UserName, s.AuthProtocol, s.AuthPasswordSet, s.PrivProtocol, s.PrivPasswordSet),
        s.ContextName, s.EngineId, s.UpdatedAt);

    public static SnmpSettingsInput ToInput(this SnmpSettingsRequest r) => new(
        r.Host, r.Port, r.Version, r.Community, r.User?.Name, r.User?.AuthProtocol, r.User?.AuthPassword, r.User?.PrivProtocol, r.User?.PrivPassword, r.ContextName, r.EngineId);

    public static SnmpSettingsInput ToInput(this CreateSnmpDeviceRequest r) => new(
        r.Host, r.Port, r.Version, r.Community, r.User?.Name, r.User?.AuthProtocol, r.User?.AuthPassword, r.User?.PrivProtocol, r.User?.PrivPassword, r.ContextName, r.EngineId);

    public static SnmpProfileDto ToDto(this SnmpProfile p) => new(
        p.Name, p.TenantId, p.Description, p.IntervalSeconds, p.Scalars.Select(ToDto).ToList(),
        p.Tables.Select(t => new SnmpTableDto(t.Name, t.Columns.Select(ToDto).ToList())).ToList(), p.BuiltIn);

    public static SnmpProfile ToModel(this SnmpProfileRequest r) => new(
        null, r.Name, r.Description, r.IntervalSeconds,
        (r.Scalars ?? []).Select((o, i) => o.ToModel($"scalars[{i}]")).ToList(),
        (r.Tables ?? []).Select((t, i) => new SnmpTableSpec(t.Name, (t.Columns ?? []).Select((o, j) => o.ToModel($"tables[{i}].columns[{j}]")).ToList())).ToList());

    public static SnmpAssignmentDto ToDto(this SnmpAssignment a) => new(a.Id, a.TenantId, a.Profile, a.DeviceId, a.Tag, a.CreatedAt);

    private static SnmpObjectDto ToDto(SnmpObject o) => new(o.Oid, o.Name, o.Metric, o.Kind.ToString().ToLowerInvariant(), o.Scale);

    private static SnmpObject ToModel(this SnmpObjectDto o, string field)
    {
        var kind = o.Kind?.Trim().ToLowerInvariant() switch
        {
            null or "" => o.Metric is null ? SnmpMetricKind.None : SnmpMetricKind.Gauge,
            "none" => SnmpMetricKind.None,
            "gauge" => SnmpMetricKind.Gauge,
            "rate" => SnmpMetricKind.Rate,
            _ => throw new ValidationException($"{field}.kind", $"{field}.kind '{o.Kind}' is not none, gauge or rate."),
        };
        return new SnmpObject(o.Oid, o.Name, o.Metric, kind, o.Scale ?? 1);
    }
}
