using Qdms.Core.Security;

namespace Qdms.Core.Devices;

/// <summary>Checks a device's HTTP Basic credentials against the PBKDF2 hash stored with it.</summary>
public sealed class DeviceAuthenticator(IDeviceStore devices) : IDeviceAuthenticator
{
    // Verified when the user name is unknown, so an unknown name costs as much time as a wrong password.
    private static readonly string DecoyHash = PasswordHasher.Hash("qdms-decoy-password", 10_000);

    public async Task<AuthenticatedDevice?> VerifyAsync(string username, string password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var record = await devices.FindCredentialsAsync(username, ct);
        if (record is null)
        {
            PasswordHasher.Verify(password, DecoyHash);
            return null;
        }

        return PasswordHasher.Verify(password, record.PasswordHash) ? new AuthenticatedDevice(record.DeviceId, record.TenantId) : null;
    }
}
