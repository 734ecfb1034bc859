using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qdms.Core.Devices;
using Qdms.Engines.Tr069.Transfers;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

/// <summary>The task kinds that are one RPC each: schedule-inform, get-names, get-attributes, set-attributes and upload.</summary>
internal sealed partial class AcsHandler
{
    /// <summary>The path prefix of upload URLs on the ACS port: <c>/uploads/qup_…</c>.</summary>
    public const string UploadPath = "/uploads";

    private const string DefaultUploadFileType = "1 Vendor Configuration File";

    /// <summary>ScheduleInform (TR-069 Annex A.4.1.2): <c>delaySeconds</c> (1 or more; 0 is fault 9003 on the CPE), optional <c>commandKey</c>.</summary>
    private static ScheduleInformRequest ScheduleInform(JsonElement args, string key)
    {
        if (!args.TryGetProperty("delaySeconds", out var d) || !d.TryGetUInt32(out var delay) || delay == 0)
        {
            throw new TaskArgumentException("\"delaySeconds\" must be a whole number from 1 to 4294967295.");
        }

        return new ScheduleInformRequest(delay, String(args, "commandKey") ?? key);
    }

    /// <summary>GetParameterNames (TR-069 Annex A.3.2.3): <c>path</c> (default <c>Device.</c>) and <c>nextLevel</c> (default false).</summary>
    private static GetParameterNamesRequest GetNames(JsonElement args) =>
        new(String(args, "path") ?? "Device.", args.TryGetProperty("nextLevel", out var n) && n.ValueKind == JsonValueKind.True);

    /// <summary>GetParameterAttributes (TR-069 Annex A.3.2.5) of <c>paths</c> or <c>path</c> (default <c>Device.</c>).</summary>
    private static GetParameterAttributesRequest GetAttributes(JsonElement args) => new(CwmpList.From(Paths(args)));

    /// <summary>
    /// SetParameterAttributes (TR-069 Annex A.3.2.4): <c>attributes</c> maps a name or partial path to
    /// <c>{"notification": 0|1|2, "accessList": ["Subscriber"]}</c>; only the members given change.
    /// </summary>
    private static SetParameterAttributesRequest SetAttributes(JsonElement args)
    {
        if (!args.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Object)
        {
            throw new TaskArgumentException("\"attributes\" must be an object of parameter name → {\"notification\", \"accessList\"}.");
        }

        var changes = new List<ParameterAttributeChange>();
        foreach (var property in attributes.EnumerateObject())
        {
            var change = property.Value;
            JsonElement n = default, a = default;
            var notify = change.ValueKind == JsonValueKind.Object && change.TryGetProperty("notification", out n);
            var access = change.ValueKind == JsonValueKind.Object && change.TryGetProperty("accessList", out a);
            var level = 0;
            if ((!notify && !access) || (notify && (!n.TryGetInt32(out level) || level is < 0 or > 2))
                || (access && (a.ValueKind != JsonValueKind.Array || a.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))))
            {
                throw new TaskArgumentException($"\"{property.Name}\" needs \"notification\" (0, 1 or 2) and/or \"accessList\" (an array of strings).");
            }

            CwmpList<string> list = access ? CwmpList.From(a.EnumerateArray().Select(e => e.GetString()!)) : [];
            changes.Add(new ParameterAttributeChange(property.Name, notify, level, access, list));
        }

        return new SetParameterAttributesRequest(CwmpList.From(changes));
    }

    /// <summary>
    /// Upload (TR-069 Annex A.4.1.5) to this ACS: a one-use token for this task, under the base URL the CPE reached the ACS
    /// by. The file that arrives becomes a repository file of the device's tenant (<see cref="ReceiveUploadAsync"/>).
    /// </summary>
    private UploadRequest Upload(AcsSession session, DeviceTask task, JsonElement args, string key)
    {
        var fileType = String(args, "fileType") ?? DefaultUploadFileType;
        if (fileType.Length < 3 || fileType[1] != ' ' || fileType[0] is not ('1' or '2' or '3' or '4' or 'X'))
        {
            throw new TaskArgumentException($"\"fileType\" '{fileType}' is not an Upload FileType (\"1 Vendor Configuration File\", \"2 Vendor Log File\" …).");
        }

        var name = String(args, "name") ?? DefaultUploadName(session.DeviceKey, task.Id, fileType);
        if (name.Trim().Length is 0 or > 255 || name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl) || name.Trim() is "." or "..")
        {
            throw new TaskArgumentException("\"name\" must be a plain file name of 1–255 characters, without '/' or '\\'.");
        }

        var baseUrl = session.AcsBaseUrl ?? throw new TaskArgumentException("The ACS does not know the URL the CPE reached it by.");
        var expires = services.Time.GetUtcNow().AddSeconds(config.DownloadTimeoutSeconds);
        if (task.ExpiresAt is { } end && end < expires)
        {
            expires = end;
        }

        var secret = _uploads.Open(new UploadSlot(task.Id, session.DeviceId, session.TenantId, session.DeviceKey, fileType, name.Trim(), expires));
        return new UploadRequest(key, fileType, $"{baseUrl}{UploadPath}/{secret}");
    }

    /// <summary>
    /// Settles the task of the outstanding RPC when <paramref name="answer"/> is the answer of one of these kinds (done with
    /// its JSON result, or, for an upload accepted with Status 1, left to TransferComplete); false when it is not theirs.
    /// </summary>
    private async Task<bool> CompleteMoreAsync(AcsSession session, OutstandingRpc outstanding, CwmpMessage answer, DateTimeOffset now, CancellationToken ct)
    {
        JsonObject result;
        switch (answer)
        {
            case ScheduleInformResponse when outstanding.Method == ScheduleInformRequest.Name:
            case SetParameterAttributesResponse when outstanding.Method == SetParameterAttributesRequest.Name:
                result = [];
                break;
            case GetParameterNamesResponse names when outstanding.Task.Kind == TaskKinds.GetNames:
                var map = new JsonObject();
                foreach (var n in names.ParameterList)
                {
                    map[n.Name] = n.Writable;
                }

                result = new JsonObject { ["names"] = map };
                break;
            case GetParameterAttributesResponse attributes when outstanding.Method == GetParameterAttributesRequest.Name:
                var byName = new JsonObject();
                foreach (var a in attributes.ParameterList)
                {
                    byName[a.Name] = new JsonObject { ["notification"] = a.Notification, ["accessList"] = new JsonArray([.. a.AccessList.Select(e => JsonValue.Create(e))]) };
                }

                result = new JsonObject { ["attributes"] = byName };
                break;
            case UploadResponse { Status: 1 } when outstanding.Method == UploadRequest.Name:
                AwaitTransfer(session, outstanding);
                return true;
            case UploadResponse upload when outstanding.Method == UploadRequest.Name:
                _uploads.Close(outstanding.Task.Id);
                if (!_uploads.TryCollect(outstanding.Task.Id, out var fileId))
                {
                    await services.Tasks.MarkFailedAsync(outstanding.Task.Id, "upload", "The CPE reported its upload complete, but no file arrived at the upload URL.", now, ct);
                    return true;
                }

                result = new JsonObject { ["fileId"] = fileId, ["startTime"] = Time(upload.StartTime), ["completeTime"] = Time(upload.CompleteTime) };
                break;
            default:
                return false;
        }

        await services.Tasks.MarkDoneAsync(outstanding.Task.Id, result.ToJsonString(), now, ct);
        return true;
    }

    private static string DefaultUploadName(string deviceKey, long taskId, string fileType)
    {
        var safe = new string([.. deviceKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_')]);
        var extension = fileType[0] is '2' or '4' ? "log" : "cfg";
        return string.Create(CultureInfo.InvariantCulture, $"{safe}-task{taskId}.{extension}");
    }
}
