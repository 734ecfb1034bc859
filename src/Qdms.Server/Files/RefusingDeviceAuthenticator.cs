using Qdms.Core.Devices;

namespace Qdms.Server.Files;

/// <summary>Knows no device: the stand-in until the device inventory provides the real <see cref="IDeviceAuthenticator"/>.</summary>
internal sealed class RefusingDeviceAuthenticator : IDeviceAuthenticator
{
    public Task<AuthenticatedDevice?> VerifyAsync(string username, string password, CancellationToken ct) => Task.FromResult<AuthenticatedDevice?>(null);
}
