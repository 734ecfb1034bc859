using Qdms.Core.Paging;
using Qdms.Core.Security;

namespace Qdms.Core.Files;

/// <summary>The rows of the file repository. Every read of tenant-owned rows takes a <see cref="TenantScope"/>.</summary>
public interface IFileStore
{
    /// <summary>Inserts the file (its <see cref="StoredFile.Id"/> is ignored); a duplicate type/name/version in the tenant is a conflict.</summary>
    Task<StoredFile> CreateAsync(StoredFile file, CancellationToken ct);

    Task<StoredFile?> GetAsync(long id, TenantScope scope, CancellationToken ct);

    Task<Paging.Page<StoredFile>> ListAsync(TenantScope scope, FileQuery query, PageRequest page, CancellationToken ct);

    Task<bool> DeleteAsync(long id, TenantScope scope, CancellationToken ct);

    Task<FileStats> StatsAsync(TenantScope scope, CancellationToken ct);

    /// <summary>The content keys of every file of every tenant, for the orphan sweep.</summary>
    Task<IReadOnlySet<string>> AllContentKeysAsync(CancellationToken ct);
}
