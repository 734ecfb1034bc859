namespace Qdms.Core.Tenants;

public interface ITenantStore
{
    Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken ct);

    Task<Tenant?> GetAsync(long id, CancellationToken ct);

    Task<Tenant?> FindByNameAsync(string name, CancellationToken ct);

    /// <summary>Inserts and returns the new tenant; a duplicate name is a <see cref="Errors.ConflictException"/>.</summary>
    Task<Tenant> CreateAsync(string name, string displayName, DateTimeOffset now, CancellationToken ct);

    Task<bool> DeleteAsync(long id, CancellationToken ct);
}
