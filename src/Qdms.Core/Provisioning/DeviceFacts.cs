using Qdms.Core.Devices;

namespace Qdms.Core.Provisioning;

/// <summary>What a rule's conditions look at, besides parameter values: the device as it is now.</summary>
public sealed record DeviceFacts(
    string? Oui,
    string? ProductClass,
    string? Manufacturer,
    string? Model,
    string? SoftwareVersion,
    string? ProvisionGroup,
    string? UpdateGroup,
    IReadOnlyList<string> Tags)
{
    /// <summary>
    /// The facts of a stored device: OUI and product class from its CWMP identity <c>OUI-ProductClass-SerialNumber</c>
    /// (<c>OUI-SerialNumber</c> without a product class), the rest from the inventory.
    /// </summary>
    public static DeviceFacts Of(Device device)
    {
        string? oui = null, productClass = null;
        var key = device.Identities.FirstOrDefault(i => i.Protocol == "tr069")?.Key;
        if (key is not null)
        {
            var rest = device.Serial is { Length: > 0 } serial && key.EndsWith("-" + serial, StringComparison.Ordinal) ? key[..^(serial.Length + 1)] : key;
            var dash = rest.IndexOf('-');
            oui = dash < 0 ? rest : rest[..dash];
            productClass = dash < 0 ? null : rest[(dash + 1)..];
        }

        return new DeviceFacts(oui, productClass, device.Manufacturer, device.Model, device.FirmwareVersion, device.ProvisionGroup, device.UpdateGroup, device.Tags);
    }
}
