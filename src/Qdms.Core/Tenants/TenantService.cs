using Qdms.Core.Audit;
using Qdms.Core.Errors;
using Qdms.Core.Security;

namespace Qdms.Core.Tenants;

/// <summary>Tenants are made and removed by sysops; everyone else sees only its own.</summary>
public sealed class TenantService(ITenantStore tenants, AuditLog audit, TimeProvider time)
{
    public const string DefaultTenantName = "default";

    public async Task<IReadOnlyList<Tenant>> ListAsync(Caller caller, CancellationToken ct)
    {
        var all = await tenants.ListAsync(ct);
        return caller.Scope.IsAll ? all : all.Where(t => t.Id == caller.TenantId).ToList();
    }

    public async Task<Tenant> CreateAsync(Caller caller, string name, string? displayName, CancellationToken ct)
    {
        caller.Require(Role.Sysop);
        var n = name.Trim().ToLowerInvariant();
        if (n.Length is < 2 or > 64 || !n.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ValidationException("name", "name must be 2–64 characters of lower-case letters, digits, '-' or '_'.");
        }

        var tenant = await tenants.CreateAsync(n, string.IsNullOrWhiteSpace(displayName) ? n : displayName.Trim(), time.GetUtcNow(), ct);
        await audit.RecordAsync(caller, "tenant.create", $"tenant/{tenant.Id}", tenant.Id, tenant.Name, ct);
        return tenant;
    }

    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Sysop);
        var tenant = await tenants.GetAsync(id, ct) ?? throw NotFoundException.For("tenant", id);
        if (tenant.Name == DefaultTenantName)
        {
            throw new ConflictException("The default tenant cannot be deleted.");
        }

        await tenants.DeleteAsync(id, ct); // the store refuses (Conflict) while users, devices or files still refer to it
        await audit.RecordAsync(caller, "tenant.delete", $"tenant/{id}", id, tenant.Name, ct);
    }
}
