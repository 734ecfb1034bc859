using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdms.Core.Devices;
using Qdms.Core.Events;
using Qdms.Core.Files;
using Qdms.Core.Provisioning;
using Qdms.Core.Tenants;

namespace Qdms.Engines.Tr069;

/// <summary>What the tr069 engines of one server share: the stores, the file repository and the clock.</summary>
public sealed class Tr069Services(
    IDeviceStore devices,
    IDeviceParameterStore parameters,
    IDeviceTaskStore tasks,
    IDeviceEventStore events,
    FileService files,
    IOptions<FileRepositoryOptions> fileOptions,
    DefaultTenant defaultTenant,
    TimeProvider time,
    ILoggerFactory loggers,
    ProvisioningApplier provisioning,
    Auth.CpeAuthServices cpeAuth,
    DeviceWakers wakers,
    IDeviceParameterEditor parameterEditor,
    IDeviceContactStore contacts)
{
    internal IDeviceStore Devices => devices;

    internal IDeviceParameterStore Parameters => parameters;

    internal IDeviceTaskStore Tasks => tasks;

    internal IDeviceEventStore Events => events;

    internal FileService Files => files;

    internal string? PublicBaseUrl => fileOptions.Value.PublicBaseUrl;

    internal DefaultTenant DefaultTenant => defaultTenant;

    internal TimeProvider Time => time;

    internal ILoggerFactory Loggers => loggers;

    internal ProvisioningApplier Provisioning => provisioning;
    /// <summary>The running engines of this server, by name (so connection requests can find an engine's channels).</summary>
    internal Tr069EngineDirectory Engines { get; } = new();

    internal Auth.CpeAuthServices CpeAuth => cpeAuth;

    /// <summary>Where running engines register to wake their devices (connection requests).</summary>
    internal DeviceWakers Wakers => wakers;

    internal IDeviceParameterEditor ParameterEditor => parameterEditor;

    internal IDeviceContactStore Contacts => contacts;
}
