using Qdms.Core.Devices;

namespace Qdms.Storage.Stores;

/// <summary>A <c>device_identities</c> row as Dapper reads it.</summary>
internal sealed class IdentityRow
{
    public long DeviceId { get; set; }
    public string Protocol { get; set; } = "";
    public string IdentityKey { get; set; } = "";

    public DeviceIdentity ToIdentity() => new(Protocol, IdentityKey);
}
