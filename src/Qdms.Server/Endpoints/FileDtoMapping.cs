using Qdms.Contracts;
using Qdms.Core.Files;

namespace Qdms.Server.Endpoints;

/// <summary>Model → wire shapes for the file repository.</summary>
internal static class FileDtoMapping
{
    public static FileDto ToDto(this StoredFile f) =>
        new(f.Id, f.TenantId, f.Type.ToName(), f.ProvisionGroup, f.UpdateGroup, f.Name, f.Version, FileService.FormatCrc(f.Crc32), f.Sha256, f.Size,
            f.CreatedAt, f.CreatedBy, FileService.DevicePath(f));

    public static FileServerDto ToDto(this FileServerStatus s) =>
        new(s.Store.Name, s.Store.Kind, s.Store.Ok ? "ok" : "error", s.Store.Error, s.Store.FreeBytes, s.Store.TotalBytes, s.FileCount, s.BytesStored);
}
