using System.Text.Json;
using Qdms.Contracts;
using Qdms.Core.Devices;
using Qdms.Core.Errors;

namespace Qdms.Server.Endpoints;

/// <summary>Device and task model ↔ wire shapes.</summary>
internal static class DeviceDtoMapping
{
    public static DeviceDto ToDto(this Device d) => new(
        d.Id, d.TenantId, d.Name, d.Manufacturer, d.Model, d.Serial, d.FirmwareVersion, d.Address, d.LastContactAt, Name(d.Status),
        d.Tags, d.ProvisionGroup, d.UpdateGroup, d.CredentialsUsername, d.CreatedAt, d.UpdatedAt,
        d.Identities.Select(i => new DeviceIdentityDto(i.Protocol, i.Key)).ToList());

    public static DeviceParameterDto ToDto(this DeviceParameter p) => new(p.Path, p.Value, p.Type, p.Writable, p.UpdatedAt);

    public static DeviceTaskDto ToDto(this DeviceTask t) => new(
        t.Id, t.DeviceId, t.TenantId, t.Kind, Json(t.Arguments), Name(t.Status), Json(t.Result), t.FaultCode, t.FaultMessage,
        t.CreatedAt, t.UpdatedAt, t.ExpiresAt, t.CreatedBy);

    public static string Name(DeviceStatus s) => s.ToString().ToLowerInvariant();

    public static string Name(DeviceTaskStatus s) => s.ToString().ToLowerInvariant();

    public static DeviceStatus? ParseDeviceStatus(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.TryParse<DeviceStatus>(text, ignoreCase: true, out var s) && !int.TryParse(text, out _) ? s
        : throw new ValidationException("status", $"status '{text}' is not one of {string.Join(", ", Enum.GetValues<DeviceStatus>().Select(Name))}.");

    public static DeviceTaskStatus? ParseTaskStatus(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.TryParse<DeviceTaskStatus>(text, ignoreCase: true, out var s) && !int.TryParse(text, out _) ? s
        : throw new ValidationException("status", $"status '{text}' is not one of {string.Join(", ", Enum.GetValues<DeviceTaskStatus>().Select(Name))}.");

    private static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
