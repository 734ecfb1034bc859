namespace Qdms.Core.Devices;

/// <summary>The result of one wake-up: the channel used (<c>http</c>, <c>xmpp</c> …, null when none could be), the status and, unless sent, why.</summary>
public sealed record DeviceWakeResult(string? Channel, DeviceWakeStatus Status, string? Error)
{
    public static DeviceWakeResult Sent(string channel) => new(channel, DeviceWakeStatus.Sent, null);

    public static DeviceWakeResult Failed(string? channel, string error) => new(channel, DeviceWakeStatus.Failed, error);

    public static DeviceWakeResult Unsupported(string? channel, string error) => new(channel, DeviceWakeStatus.Unsupported, error);
}
