using System.Globalization;
using Microsoft.Extensions.Logging;
using Qdms.Core.Devices;
using Qdms.Engines.Tr069.ConnectionRequests;

namespace Qdms.Engines.Tr069;

/// <summary>The engine's connection requests: the waker it registers with <see cref="DeviceWakers"/> while it serves.</summary>
internal sealed partial class Tr069Engine
{
    private Tr069DeviceWaker ConnectionRequestWaker()
    {
        var requester = new ConnectionRequester(
            ConnectionRequestChannels, config.ConnectionRequest ?? ConnectionRequestOptions.Default, services.Parameters,
            services.Loggers.CreateLogger<ConnectionRequester>());
        var port = _listen is null ? config.Port : int.Parse(_listen[(_listen.LastIndexOf(':') + 1)..].TrimEnd('/'), CultureInfo.InvariantCulture);
        return new Tr069DeviceWaker(requester, port);
    }
}
