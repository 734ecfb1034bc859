namespace Qdms.Core.Devices;

/// <summary>The operations a task can ask of a device, in one vocabulary for every protocol.</summary>
public static class TaskKinds
{
    public const string Get = "get";
    public const string Set = "set";
    public const string AddObject = "add-object";
    public const string DeleteObject = "delete-object";
    public const string Reboot = "reboot";
    public const string FactoryReset = "factory-reset";
    public const string Download = "download";
    public const string Upload = "upload";
    public const string Execute = "execute";
    public const string Observe = "observe";
    public const string Refresh = "refresh";
    public const string ScheduleInform = "schedule-inform";
    public const string GetNames = "get-names";
    public const string GetAttributes = "get-attributes";
    public const string SetAttributes = "set-attributes";

    public static IReadOnlyList<string> All { get; } =
        [Get, Set, AddObject, DeleteObject, Reboot, FactoryReset, Download, Upload, Execute, Observe, Refresh, ScheduleInform, GetNames, GetAttributes, SetAttributes];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}
