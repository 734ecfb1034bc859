using Microsoft.Extensions.Logging;

namespace Qdms.Engines.Tr069;

/// <summary>The tr069 engine's provisioning log messages (event ids 3080–3089 of the engine's 3000–3099).</summary>
internal static partial class ProvisioningLog
{
    [LoggerMessage(3080, LogLevel.Information, "Provisioning rule {Rule} (revision {Revision}) applied to {Device}: {Actions}")]
    public static partial void Applied(ILogger logger, string rule, int revision, string device, string actions);

    [LoggerMessage(3081, LogLevel.Error, "Provisioning of {Device} failed; the session goes on without it")]
    public static partial void Failed(ILogger logger, Exception exception, string device);
}
