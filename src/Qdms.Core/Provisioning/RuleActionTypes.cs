namespace Qdms.Core.Provisioning;

/// <summary>What a rule can do to a device.</summary>
public static class RuleActionTypes
{
    /// <summary>A <c>set</c> task of the values the device does not report already.</summary>
    public const string Set = "set";

    /// <summary>A <c>refresh</c> task of a subtree, unless one is still queued.</summary>
    public const string Refresh = "refresh";

    /// <summary>Adds a tag to the device directly.</summary>
    public const string AddTag = "addTag";

    /// <summary>Sets the device's provision and/or update group directly.</summary>
    public const string SetGroup = "setGroup";

    /// <summary>A <c>download</c> task of a registered file, once per rule revision per device.</summary>
    public const string Download = "download";

    /// <summary>A <c>reboot</c> task, once per rule revision per device.</summary>
    public const string Reboot = "reboot";

    public static IReadOnlyList<string> All { get; } = [Set, Refresh, AddTag, SetGroup, Download, Reboot];

    /// <summary>Actions that run once per rule revision per device, remembered in the applied table.</summary>
    public static bool IsOnce(string type) => type is Download or Reboot;
}
