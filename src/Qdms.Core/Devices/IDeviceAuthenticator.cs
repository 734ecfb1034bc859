namespace Qdms.Core.Devices;

/// <summary>
/// Checks a device's own credentials (HTTP Basic user name and password, as devices send when they fetch files or
/// open a management session). Implemented by the device inventory; used by the file server and the engines.
/// </summary>
public interface IDeviceAuthenticator
{
    /// <summary>The device these credentials belong to, or null when they are unknown or wrong.</summary>
    Task<AuthenticatedDevice?> VerifyAsync(string username, string password, CancellationToken ct);
}

/// <summary>A device that proved who it is.</summary>
public sealed record AuthenticatedDevice(long DeviceId, long TenantId);
