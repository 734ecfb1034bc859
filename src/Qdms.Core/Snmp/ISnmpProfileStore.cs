using Qdms.Core.Security;

namespace Qdms.Core.Snmp;

/// <summary>Tenants' own polling profiles and the assignments of profiles (built-in or own) to devices and tags.</summary>
public interface ISnmpProfileStore
{
    Task<IReadOnlyList<SnmpProfile>> ListAsync(TenantScope scope, CancellationToken ct);

    Task<SnmpProfile?> GetAsync(long tenantId, string name, CancellationToken ct);

    /// <summary><see cref="Errors.ConflictException"/> when the tenant has a profile of that name.</summary>
    Task CreateAsync(SnmpProfile profile, DateTimeOffset now, CancellationToken ct);

    /// <summary>False when the tenant has no profile of that name.</summary>
    Task<bool> UpdateAsync(SnmpProfile profile, DateTimeOffset now, CancellationToken ct);

    /// <summary>Deletes a profile with its assignments. False when the tenant has no profile of that name.</summary>
    Task<bool> DeleteAsync(long tenantId, string name, CancellationToken ct);

    Task<IReadOnlyList<SnmpAssignment>> ListAssignmentsAsync(TenantScope scope, CancellationToken ct);

    /// <summary><see cref="Errors.ConflictException"/> when the same profile is already assigned to the same device or tag.</summary>
    Task<SnmpAssignment> AssignAsync(long tenantId, string profile, long? deviceId, string? tag, DateTimeOffset now, CancellationToken ct);

    Task<bool> UnassignAsync(long id, TenantScope scope, CancellationToken ct);
}
