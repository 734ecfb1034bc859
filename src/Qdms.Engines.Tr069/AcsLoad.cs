using Microsoft.Extensions.Logging;
using Qdms.Core.Devices;

namespace Qdms.Engines.Tr069;

/// <summary>What keeps one engine fast and safe under load: admission (503 beyond <c>maxSessions</c>), the device id cache and the group-commit writer.</summary>
internal sealed class AcsLoad(Tr069Config config, IDeviceContactStore store, ILogger logger) : IAsyncDisposable
{
    /// <summary>Entries of the device id cache before it is cleared (about 130 bytes each).</summary>
    public const int DeviceCacheCapacity = 4_000_000;

    public AcsAdmission Admission { get; } = new(config.MaxSessions, config.MaxInformsInFlight);

    public DeviceIdCache Devices { get; } = new(DeviceCacheCapacity);

    public ContactBatcher Contacts { get; } = new(store, logger);

    public ValueTask DisposeAsync() => Contacts.DisposeAsync();
}
