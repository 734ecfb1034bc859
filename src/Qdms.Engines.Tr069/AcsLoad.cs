using Microsoft.Extensions.Logging;
using Qdms.Core.Devices;

namespace Qdms.Engines.Tr069;

/// <summary>What keeps one engine fast and safe under load: admission (503 beyond <c>maxSessions</c>) and the group-commit writer.</summary>
internal sealed class AcsLoad(Tr069Config config, IDeviceContactStore store, ILogger logger) : IAsyncDisposable
{
    public AcsAdmission Admission { get; } = new(config.MaxSessions, config.MaxInformsInFlight);

    public ContactBatcher Contacts { get; } = new(store, logger);

    public ValueTask DisposeAsync() => Contacts.DisposeAsync();
}
