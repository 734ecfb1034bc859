using System.Text.Json;
using Qdms.Core.Audit;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Core.Devices;

/// <summary>Queues tasks for devices (operators) and shows them (viewers). Engines move them on through <see cref="IDeviceTaskStore"/>.</summary>
public sealed class TaskService(IDeviceStore devices, IDeviceTaskStore tasks, AuditLog audit, TimeProvider time)
{
    public const int DefaultExpirySeconds = 86_400;
    public const int MaxExpirySeconds = 30 * 86_400;
    public const int MaxArgumentsLength = 64 * 1024;
    public const int MaxListed = 1000;

    public async Task<DeviceTask> CreateAsync(Caller caller, long deviceId, string kind, string? arguments, int? expiresInSeconds, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var k = kind?.Trim() ?? "";
        if (!TaskKinds.IsKnown(k))
        {
            throw new ValidationException("kind", $"unknown task kind '{kind}'; the kinds are {string.Join(", ", TaskKinds.All)}.");
        }

        var args = ValidateArguments(k, arguments);
        var seconds = expiresInSeconds ?? DefaultExpirySeconds;
        if (seconds is < 1 or > MaxExpirySeconds)
        {
            throw new ValidationException("expiresInSeconds", $"expiresInSeconds must be between 1 and {MaxExpirySeconds} (30 days); got {seconds}.");
        }

        var device = await devices.GetAsync(deviceId, caller.Scope, ct) ?? throw NotFoundException.For("device", deviceId);
        var now = time.GetUtcNow();
        var task = await tasks.CreateAsync(new NewDeviceTask(device.Id, device.TenantId, k, args, now.AddSeconds(seconds), caller.Username), now, ct);
        await audit.RecordAsync(caller, "task.create", $"task/{task.Id}", device.TenantId, $"{k} on device/{device.Id}", ct);
        return task;
    }

    public async Task<DeviceTask> GetAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return await tasks.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("task", id);
    }

    public async Task<IReadOnlyList<DeviceTask>> ListForDeviceAsync(Caller caller, long deviceId, DeviceTaskStatus? status, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        _ = await devices.GetAsync(deviceId, caller.Scope, ct) ?? throw NotFoundException.For("device", deviceId);
        return await tasks.ListForDeviceAsync(deviceId, status, caller.Scope, MaxListed, ct);
    }

    /// <summary>
    /// Arguments are a JSON object (or absent). A few kinds need a member: <c>set</c> a non-empty <c>values</c> object,
    /// <c>add-object</c>/<c>delete-object</c> a <c>path</c> string, <c>download</c> a <c>fileId</c> number or a <c>url</c> string.
    /// Returns the compact JSON text.
    /// </summary>
    internal static string? ValidateArguments(string kind, string? arguments)
    {
        if (string.IsNullOrWhiteSpace(arguments))
        {
            return kind is TaskKinds.Set or TaskKinds.AddObject or TaskKinds.DeleteObject or TaskKinds.Download or TaskKinds.ScheduleInform or TaskKinds.SetAttributes
                ? throw new ValidationException("arguments", $"a {kind} task needs arguments: {Needs(kind)}.")
                : null;
        }

        if (arguments.Length > MaxArgumentsLength)
        {
            throw new PayloadTooLargeException($"arguments must be at most {MaxArgumentsLength} characters of JSON.");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(arguments);
        }
        catch (JsonException e)
        {
            throw new ValidationException("arguments", $"arguments are not valid JSON: {e.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ValidationException("arguments", $"arguments must be a JSON object; got a {root.ValueKind.ToString().ToLowerInvariant()}.");
            }

            var ok = kind switch
            {
                TaskKinds.Set => root.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Object && v.EnumerateObject().Any(),
                TaskKinds.AddObject or TaskKinds.DeleteObject => root.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String && p.GetString()!.Length > 0,
                TaskKinds.Download => (root.TryGetProperty("fileId", out var f) && f.ValueKind == JsonValueKind.Number)
                    || (root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String),
                TaskKinds.ScheduleInform or TaskKinds.GetNames or TaskKinds.GetAttributes or TaskKinds.SetAttributes or TaskKinds.Upload => TaskArgumentRules.IsValid(kind, root),
                _ => true,
            };
            if (!ok)
            {
                throw new ValidationException("arguments", $"a {kind} task needs {Needs(kind)}.");
            }

            return JsonSerializer.Serialize(root);
        }
    }

    private static string Needs(string kind) => kind switch
    {
        TaskKinds.Set => "a non-empty \"values\" object of path → value",
        TaskKinds.AddObject or TaskKinds.DeleteObject => "a \"path\" string",
        TaskKinds.Download => "a \"fileId\" number or a \"url\" string",
        TaskKinds.ScheduleInform or TaskKinds.GetNames or TaskKinds.GetAttributes or TaskKinds.SetAttributes or TaskKinds.Upload => TaskArgumentRules.Needs(kind),
        _ => "nothing",
    };
}
