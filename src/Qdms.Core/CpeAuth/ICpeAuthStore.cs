using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Core.CpeAuth;

/// <summary>CPE authentication settings per device and per tenant, and the look-ups the ACS makes when a CPE opens a session.</summary>
public interface ICpeAuthStore
{
    Task<CpeAuthSettings?> GetAsync(long deviceId, TenantScope scope, CancellationToken ct);

    /// <summary>Creates or replaces the device's row.</summary>
    Task UpsertAsync(CpeAuthSettings settings, CancellationToken ct);

    /// <summary>The tenant's mode, or null when it follows the engine's config.</summary>
    Task<CpeAuthMode?> GetTenantModeAsync(long tenantId, CancellationToken ct);

    /// <summary>Sets the tenant's mode; null removes it.</summary>
    Task SetTenantModeAsync(long tenantId, CpeAuthMode? mode, DateTimeOffset now, CancellationToken ct);

    /// <summary>The user name's device with what the ACS needs to check a password, in any tenant; null when no device has it.</summary>
    Task<CpeLogin?> FindLoginAsync(string username, CancellationToken ct);

    /// <summary>The device that owns <paramref name="identity"/> with its modes and credentials, in any tenant; null when none does.</summary>
    Task<CpeAdmission?> FindAdmissionAsync(DeviceIdentity identity, CancellationToken ct);

    /// <summary>
    /// Gives <paramref name="deviceId"/> the identity when it has none of that protocol yet (a CPE pre-registered with credentials
    /// but not its serial). False when the device already has another identity of the protocol or the identity belongs to another device.
    /// </summary>
    Task<bool> ClaimIdentityAsync(long deviceId, DeviceIdentity identity, CancellationToken ct);
}
