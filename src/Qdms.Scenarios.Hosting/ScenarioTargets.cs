using Qdms.Core.Devices;
using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Hosting;

/// <summary>
/// Where a scenario reaches a device: for a serial scenario the device's <c>serial</c> identity (a device path) or an address
/// that is a path under /dev; otherwise the device's address (<c>host</c> or <c>host:port</c>).
/// </summary>
public static class ScenarioTargets
{
    /// <summary>The protocol name of a device's serial-port identity.</summary>
    public const string SerialProtocol = "serial";

    /// <summary>The target, or null when the device has none for this transport.</summary>
    public static string? For(Device device, TransportSpec transport) => transport.Kind == TransportKind.Serial
        ? device.Identities.FirstOrDefault(i => i.Protocol == SerialProtocol)?.Key ?? (device.Address is { } a && a.StartsWith("/dev/", StringComparison.Ordinal) ? a : null)
        : device.Address is { Length: > 0 } address && !address.StartsWith('/') ? address : null;
}
