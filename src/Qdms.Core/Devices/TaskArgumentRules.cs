using System.Text.Json;

namespace Qdms.Core.Devices;

/// <summary>
/// The argument shapes of the task kinds that map onto single TR-069 RPCs (schedule-inform, get-names, get-attributes,
/// set-attributes, upload). The shapes are documented in docs/tr069.md; an engine still checks what it sends.
/// </summary>
internal static class TaskArgumentRules
{
    /// <summary>The longest ScheduleInform delay accepted: one year.</summary>
    public const long MaxDelaySeconds = 365L * 86_400;

    /// <summary>The highest notification attribute (TR-069 Annex A.3.2.4: 0 off, 1 passive, 2 active).</summary>
    public const int MaxNotification = 2;

    public static bool IsValid(string kind, JsonElement root) => kind switch
    {
        TaskKinds.ScheduleInform => root.TryGetProperty("delaySeconds", out var d) && d.TryGetInt64(out var delay) && delay is >= 1 and <= MaxDelaySeconds
            && OptionalString(root, "commandKey"),
        TaskKinds.GetNames => OptionalString(root, "path") && (!root.TryGetProperty("nextLevel", out var n) || n.ValueKind is JsonValueKind.True or JsonValueKind.False),
        TaskKinds.GetAttributes => OptionalString(root, "path") && (!root.TryGetProperty("paths", out var p) || IsStringArray(p, allowEmpty: false)),
        TaskKinds.SetAttributes => root.TryGetProperty("attributes", out var a) && a.ValueKind == JsonValueKind.Object && a.EnumerateObject().Any()
            && a.EnumerateObject().All(e => IsAttributeChange(e.Value)),
        TaskKinds.Upload => OptionalString(root, "fileType") && OptionalString(root, "name")
            && (!root.TryGetProperty("fileType", out var t) || IsUploadFileType(t.GetString()!)),
        _ => true,
    };

    public static string Needs(string kind) => kind switch
    {
        TaskKinds.ScheduleInform => $"a \"delaySeconds\" whole number from 1 to {MaxDelaySeconds} (and an optional \"commandKey\" string)",
        TaskKinds.GetNames => "an optional \"path\" string and an optional \"nextLevel\" boolean",
        TaskKinds.GetAttributes => "an optional \"path\" string or a non-empty \"paths\" array of strings",
        TaskKinds.SetAttributes => "a non-empty \"attributes\" object of path → {\"notification\": 0, 1 or 2, \"accessList\": [strings]} (at least one of the two)",
        TaskKinds.Upload => "an optional \"fileType\" (\"1 Vendor Configuration File\", \"2 Vendor Log File\", \"3 …\", \"4 …\" or \"X <OUI> …\") and an optional \"name\" string",
        _ => "nothing",
    };

    /// <summary>TR-069 Annex A.4.1.5 Upload FileType: 1–4 with its text, or a vendor type <c>X &lt;OUI&gt; …</c>.</summary>
    public static bool IsUploadFileType(string fileType) =>
        fileType.Length > 2 && fileType[1] == ' ' && fileType[0] is '1' or '2' or '3' or '4' or 'X';

    private static bool IsAttributeChange(JsonElement change)
    {
        if (change.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var hasNotification = change.TryGetProperty("notification", out var n);
        var hasAccess = change.TryGetProperty("accessList", out var a);
        return (hasNotification || hasAccess)
            && (!hasNotification || (n.TryGetInt32(out var level) && level is >= 0 and <= MaxNotification))
            && (!hasAccess || IsStringArray(a, allowEmpty: true));
    }

    private static bool OptionalString(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.String;

    private static bool IsStringArray(JsonElement e, bool allowEmpty) =>
        e.ValueKind == JsonValueKind.Array && (allowEmpty || e.GetArrayLength() > 0) && e.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String);
}
