using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Files;
using Qdms.Core.Security;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

internal sealed partial class AcsHandler
{
    /// <summary>CommandKeys and ParameterKeys of task RPCs are <c>task-{id}</c>, so TransferComplete finds its task.</summary>
    public const string TaskKeyPrefix = "task-";

    /// <summary>
    /// The next queued task as an RPC, oldest first (TR-069 §3.7.1.4: one request at a time); a task that cannot become one
    /// fails and the next is tried. No task left: 204, and the session ends.
    /// </summary>
    private async Task NextAsync(HttpContext http, AcsSession session, CancellationToken ct)
    {
        while (true)
        {
            var now = services.Time.GetUtcNow();
            var due = await services.Tasks.ListDueAsync(session.DeviceId, now, ct);
            var task = due.FirstOrDefault(t => !session.Skipped.Contains(t.Id));
            if (task is null)
            {
                if (!ReleaseHold(session))
                {
                    sessions.End(session);
                }

                http.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            CwmpMessage rpc;
            session.AcsBaseUrl ??= $"{http.Request.Scheme}://{http.Request.Host}";
            try
            {
                rpc = await BuildAsync(session, task, ct);
            }
            catch (Exception e) when (e is TaskArgumentException or NotFoundException or ValidationException)
            {
                session.Skipped.Add(task.Id);
                await services.Tasks.MarkFailedAsync(task.Id, "arguments", e.Message, now, ct);
                continue;
            }

            if (!await services.Tasks.MarkSentAsync(task.Id, now, ct))
            {
                session.Skipped.Add(task.Id);
                continue;
            }

            var id = TaskKeyPrefix + task.Id.ToString(CultureInfo.InvariantCulture);
            session.Outstanding = new OutstandingRpc(task, rpc, id);
            await WriteAsync(http, new CwmpEnvelope(session.Version, RpcHeader(session, id), rpc), ct);
            return;
        }
    }

    /// <summary>The RPC a task asks for; the argument shapes are in docs/tr069.md.</summary>
    private async Task<CwmpMessage> BuildAsync(AcsSession session, DeviceTask task, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(task.Arguments ?? "{}");
        var args = document.RootElement;
        var key = TaskKeyPrefix + task.Id.ToString(CultureInfo.InvariantCulture);
        return task.Kind switch
        {
            TaskKinds.Get => await GetAsync(session, Paths(args), ct),
            TaskKinds.Refresh => new GetParameterNamesRequest(String(args, "path") ?? "Device.", false),
            TaskKinds.Set => new SetParameterValuesRequest(CwmpList.From(await ValuesAsync(session, args, ct)), key),
            TaskKinds.AddObject => new AddObjectRequest(ObjectPath(args), key),
            TaskKinds.DeleteObject => new DeleteObjectRequest(ObjectPath(args), key),
            TaskKinds.Reboot => new RebootRequest(key),
            TaskKinds.FactoryReset => new FactoryResetRequest(),
            TaskKinds.Download => await DownloadAsync(session, task, args, key, ct),
            TaskKinds.ScheduleInform => ScheduleInform(args, key),
            TaskKinds.GetNames => GetNames(args),
            TaskKinds.GetAttributes => GetAttributes(args),
            TaskKinds.SetAttributes => SetAttributes(args),
            TaskKinds.Upload => Upload(session, task, args, key),
            _ => throw new TaskArgumentException($"The tr069 engine does not run {task.Kind} tasks yet."),
        };
    }

    /// <summary>
    /// The CPE's answer to the outstanding RPC: its task is done with a result, or failed with the CPE's fault. Returns the
    /// task's next RPC when it has more than one step (a refresh: GetParameterNames, then GetParameterValues), else null.
    /// </summary>
    private async Task<CwmpMessage?> CompleteAsync(AcsSession session, CwmpMessage answer, CancellationToken ct)
    {
        if (session.Outstanding is not { } outstanding)
        {
            return null; // an answer to nothing the ACS asked: ignored
        }

        session.Outstanding = null;
        var task = outstanding.Task;
        var now = services.Time.GetUtcNow();
        if (answer is CwmpFault fault)
        {
            var detail = fault.SetParameterValuesFaults.Count == 0 ? ""
                : " (" + string.Join("; ", fault.SetParameterValuesFaults.Select(f => $"{f.ParameterName}: {f.FaultCode} {f.FaultString}")) + ")";
            await services.Tasks.MarkFailedAsync(task.Id, fault.FaultCode.ToString(CultureInfo.InvariantCulture), fault.FaultString + detail, now, ct);
            return null;
        }

        if (await CompleteMoreAsync(session, outstanding, answer, now, ct))
        {
            return null;
        }

        JsonObject? result;
        switch (answer)
        {
            case GetParameterNamesResponse names when outstanding.Method == GetParameterNamesRequest.Name:
                var writable = names.ParameterList.Where(n => !n.Name.EndsWith('.')).ToDictionary(n => n.Name, n => n.Writable, StringComparer.Ordinal);
                var path = ((GetParameterNamesRequest)outstanding.Rpc).ParameterPath;
                var next = new GetParameterValuesRequest([path]);
                session.Outstanding = outstanding with { Rpc = next, Writable = writable };
                return next;
            case GetParameterValuesResponse values when outstanding.Method == GetParameterValuesRequest.Name:
                await StoreValuesAsync(session, outstanding, values, now, ct);

                var map = new JsonObject();
                foreach (var p in values.ParameterList)
                {
                    map[p.Name] = p.Value;
                }

                result = new JsonObject { ["values"] = map };
                break;
            case SetParameterValuesResponse set when outstanding.Rpc is SetParameterValuesRequest request:
                // the CPE took every value (TR-069 Annex A.3.2.1 is all or nothing): they are the device's now, and writable
                await services.Parameters.UpsertAsync(session.DeviceId, [.. request.ParameterList.Select(p => ToParameter(session.DeviceId, p, true, now))], ct);
                result = new JsonObject { ["status"] = set.Status };
                break;
            case AddObjectResponse add when outstanding.Method == AddObjectRequest.Name:
                result = new JsonObject { ["instanceNumber"] = add.InstanceNumber, ["status"] = add.Status };
                break;
            case DeleteObjectResponse delete when outstanding.Rpc is DeleteObjectRequest deleted:
                await services.ParameterEditor.RemoveAsync(session.DeviceId, deleted.ObjectName, ct); // the object and everything under it
                result = new JsonObject { ["status"] = delete.Status };
                break;
            case RebootResponse when outstanding.Method == RebootRequest.Name:
            case FactoryResetResponse when outstanding.Method == FactoryResetRequest.Name:
                result = [];
                break;
            case DownloadResponse download when outstanding.Method == DownloadRequest.Name:
                if (download.Status == 1)
                {
                    AwaitTransfer(session, outstanding);
                    return null; // applied later: TransferComplete closes the task
                }

                result = new JsonObject { ["startTime"] = Time(download.StartTime), ["completeTime"] = Time(download.CompleteTime) };
                break;
            default:
                await services.Tasks.MarkFailedAsync(task.Id, "protocol", $"The CPE answered {outstanding.Method} with {answer.MethodName}.", now, ct);
                return null;
        }

        await services.Tasks.MarkDoneAsync(task.Id, result.ToJsonString(), now, ct);
        return null;
    }

    private static IEnumerable<string> Paths(JsonElement args)
    {
        if (args.TryGetProperty("paths", out var paths))
        {
            if (paths.ValueKind != JsonValueKind.Array || paths.GetArrayLength() == 0 || paths.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
            {
                throw new TaskArgumentException("\"paths\" must be a non-empty array of parameter names or partial paths.");
            }

            return [.. paths.EnumerateArray().Select(p => p.GetString()!)];
        }

        return [String(args, "path") ?? "Device."];
    }

    private static string ObjectPath(JsonElement args)
    {
        var path = String(args, "path") ?? throw new TaskArgumentException("\"path\" is required.");
        return path.EndsWith('.') ? path : path + ".";
    }

    /// <summary>
    /// <c>values</c>: path → value (a string, number or boolean) or <c>{"value": …, "type": "unsignedInt"}</c>. Without a type,
    /// the type the device last reported for the parameter is used, else the JSON kind's (boolean, int, unsignedInt, string).
    /// </summary>
    private async Task<List<ParameterValue>> ValuesAsync(AcsSession session, JsonElement args, CancellationToken ct)
    {
        if (!args.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new TaskArgumentException("\"values\" must be an object of parameter name → value.");
        }

        var known = (await services.Parameters.ListAsync(session.DeviceId, null, ct)).ToDictionary(p => p.Path, p => p.Type, StringComparer.Ordinal);
        var result = new List<ParameterValue>();
        foreach (var property in values.EnumerateObject())
        {
            var value = property.Value;
            string? type = null;
            if (value.ValueKind == JsonValueKind.Object)
            {
                type = String(value, "type");
                if (!value.TryGetProperty("value", out value))
                {
                    throw new TaskArgumentException($"\"{property.Name}\" needs a \"value\".");
                }
            }

            var (text, kindType) = value.ValueKind switch
            {
                JsonValueKind.String => (value.GetString()!, XsdTypes.String),
                JsonValueKind.True => ("true", XsdTypes.Boolean),
                JsonValueKind.False => ("false", XsdTypes.Boolean),
                JsonValueKind.Number when value.TryGetInt64(out var n) => (n.ToString(CultureInfo.InvariantCulture), n < 0 ? XsdTypes.Int : XsdTypes.UnsignedInt),
                _ => throw new TaskArgumentException($"\"{property.Name}\" must be a string, a whole number or a boolean."),
            };
            result.Add(new ParameterValue(property.Name, text, type ?? known.GetValueOrDefault(property.Name) ?? kindType));
        }

        return result;
    }

    /// <summary>
    /// Download (TR-069 Annex A.3.2.8) of a registered file (<c>fileId</c>, through a download token for this device and task)
    /// or of any <c>url</c>.
    /// </summary>
    private async Task<CwmpMessage> DownloadAsync(AcsSession session, DeviceTask task, JsonElement args, string key, CancellationToken ct)
    {
        var fileType = String(args, "fileType");
        if (args.TryGetProperty("fileId", out var f) && f.TryGetInt64(out var fileId))
        {
            var baseUrl = config.FileBaseUrl.Length > 0 ? config.FileBaseUrl : services.PublicBaseUrl?.TrimEnd('/');
            if (string.IsNullOrEmpty(baseUrl))
            {
                throw new TaskArgumentException("No base URL for file downloads: set the engine's fileBaseUrl or Qdms:Files:PublicBaseUrl.");
            }

            var issued = await services.Files.IssueDownloadTokenAsync(Caller.System, fileId, session.DeviceId, task.Id, null, ct);
            if (issued.File.TenantId != session.TenantId)
            {
                throw new TaskArgumentException($"File {fileId} is not of the device's tenant.");
            }

            var url = $"{baseUrl}{issued.DevicePath}?token={Uri.EscapeDataString(issued.Secret)}";
            var size = issued.File.Size <= uint.MaxValue ? (uint)issued.File.Size : 0;
            return new DownloadRequest(key, fileType ?? FileTypeOf(issued.File.Type), url, FileSize: size, TargetFileName: issued.File.Name);
        }

        var plain = String(args, "url") ?? throw new TaskArgumentException("A download needs \"fileId\" or \"url\".");
        return new DownloadRequest(key, fileType ?? "1 Firmware Upgrade Image", plain);
    }

    /// <summary>TR-069 Annex A.3.2.8 FileType for a repository file's type.</summary>
    private static string FileTypeOf(FileType type) => type switch
    {
        FileType.Config => "3 Vendor Configuration File",
        _ => "1 Firmware Upgrade Image",
    };

    private static string? String(JsonElement args, string name) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
