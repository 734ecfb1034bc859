using Microsoft.Extensions.Logging;

namespace Qdms.Engines.Snmp;

/// <summary>The snmp engine's log messages (event ids 4000–4099). Targets appear as address and version; never communities or keys.</summary>
internal static partial class SnmpEngineLog
{
    [LoggerMessage(4000, LogLevel.Information, "SNMP engine started: {Devices} devices, {Jobs} polls planned, traps on {Traps}")]
    public static partial void Started(ILogger logger, int devices, int jobs, string traps);

    [LoggerMessage(4001, LogLevel.Warning, "SNMP engine could not write {What}")]
    public static partial void WriteFailed(ILogger logger, string what, Exception e);

    [LoggerMessage(4002, LogLevel.Warning, "SNMP engine could not read its plan")]
    public static partial void PlanFailed(ILogger logger, Exception e);

    [LoggerMessage(4003, LogLevel.Warning, "SNMP settings of device {DeviceId} cannot be used: {Reason}")]
    public static partial void SettingsUnusable(ILogger logger, long deviceId, string reason);

    [LoggerMessage(4004, LogLevel.Information, "SNMP plan: {Devices} devices, {Jobs} polls")]
    public static partial void PlanLoaded(ILogger logger, int devices, int jobs);

    [LoggerMessage(4005, LogLevel.Warning, "SNMP task loop failed")]
    public static partial void TaskLoopFailed(ILogger logger, Exception e);

    [LoggerMessage(4006, LogLevel.Debug, "SNMP notification from {Source} dropped: {Reason}")]
    public static partial void NotificationRejected(ILogger logger, string source, string reason);

    [LoggerMessage(4007, LogLevel.Warning, "SNMP notification from {Source} could not be recorded")]
    public static partial void NotificationFailed(ILogger logger, string source, Exception e);
}
