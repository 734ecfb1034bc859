using Qdms.Core.Security;

namespace Qdms.Core.Devices;

/// <summary>Checks a device's HTTP Basic credentials against the PBKDF2 hash stored with it (through <see cref="PasswordVerifier"/>).</summary>
public sealed class DeviceAuthenticator(IDeviceStore devices, PasswordVerifier passwords) : IDeviceAuthenticator
{
    public async Task<AuthenticatedDevice?> VerifyAsync(string username, string password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var record = await devices.FindCredentialsAsync(username, ct);
        var matches = await passwords.VerifyAsync(password, record?.PasswordHash, ct); // an unknown name costs as much as a wrong password
        return record is not null && matches ? new AuthenticatedDevice(record.DeviceId, record.TenantId) : null;
    }
}
