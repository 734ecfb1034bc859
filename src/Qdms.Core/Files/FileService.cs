using Microsoft.Extensions.Options;
using Qdms.Core.Audit;
using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Paging;
using Qdms.Core.Security;
using Qdms.Core.Tenants;

namespace Qdms.Core.Files;

/// <summary>
/// The file repository (IF-03): registers files with their checked CRC-32, unregisters them, lists them, reports the
/// file servers' state and issues the download tokens engines hand to devices.
/// </summary>
public sealed class FileService(
    IFileStore files,
    IDownloadTokenStore downloadTokens,
    IDeviceStore devices,
    IDeviceTaskStore tasks,
    IFileContentStore content,
    ITenantStore tenants,
    DefaultTenant defaultTenant,
    AuditLog audit,
    IOptions<FileRepositoryOptions> options,
    TimeProvider time)
{
    /// <summary>The prefix of download token secrets.</summary>
    public const string DownloadTokenPrefix = "qdl_";

    private const int MaxNameLength = 255;
    private const int MaxFieldLength = 100;

    /// <summary>The size limit uploads are held to.</summary>
    public long MaxFileSize => options.Value.MaxFileSize;

    /// <summary>Starts an upload for <paramref name="caller"/>; checks the role first, so a viewer sends no bytes to disk.</summary>
    public FileUpload BeginUpload(Caller caller)
    {
        caller.Require(Role.Operator);
        return new FileUpload(content.BeginUpload(), options.Value.MaxFileSize);
    }

    /// <summary>
    /// RegisterFile (IF-03-01) for content already written to <paramref name="upload"/>: checks the fields and the CRC,
    /// moves the content into place and inserts the row. On any failure nothing stays, neither row nor content.
    /// </summary>
    public async Task<StoredFile> RegisterAsync(Caller caller, FileRegistration registration, FileUpload upload, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        Validate(registration);
        if (upload.Crc32 != registration.Crc32)
        {
            throw new UnprocessableException(
                $"CRC-32 mismatch: the request says {FormatCrc(registration.Crc32)} but the content's CRC-32 is {FormatCrc(upload.Crc32)}.");
        }

        var tenant = caller.TenantForNew(registration.TenantId, defaultTenant.Id);
        if (registration.TenantId is not null && await tenants.GetAsync(tenant, ct) is null)
        {
            throw new ValidationException("tenantId", $"Tenant {tenant} does not exist.");
        }

        var sha256 = upload.Sha256;
        var key = await upload.CommitAsync(ct);
        StoredFile stored;
        try
        {
            stored = await files.CreateAsync(
                new StoredFile(0, tenant, registration.Type, registration.ProvisionGroup.Trim(), registration.UpdateGroup.Trim(), registration.Name.Trim(),
                    registration.Version.Trim(), upload.Crc32, sha256, upload.Size, key, time.GetUtcNow(), caller.Username),
                CancellationToken.None);
        }
        catch
        {
            await content.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        await audit.RecordAsync(caller, "file.register", $"file/{stored.Id}",
            stored.TenantId, $"{stored.Type.ToName()} {stored.Name} {stored.Version} ({stored.Size} bytes, crc {FormatCrc(stored.Crc32)})", CancellationToken.None);
        return stored;
    }

    /// <summary>RegisterFile from a stream (engines, imports): streams it into the store and registers it.</summary>
    public async Task<StoredFile> RegisterAsync(Caller caller, FileRegistration registration, Stream source, CancellationToken ct)
    {
        await using var upload = BeginUpload(caller);
        await upload.CopyFromAsync(source, ct);
        return await RegisterAsync(caller, registration, upload, ct);
    }

    /// <summary>UnregisterFile (IF-03-02): deletes the row, its download tokens and its content.</summary>
    public async Task UnregisterAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var file = await files.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("file", id);
        if (!await files.DeleteAsync(id, caller.Scope, ct))
        {
            throw NotFoundException.For("file", id);
        }

        try
        {
            await content.DeleteAsync(file.ContentKey, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The row is gone, so the file is unregistered; the start-up sweep deletes the orphaned content.
        }

        await audit.RecordAsync(caller, "file.unregister", $"file/{id}", file.TenantId, $"{file.Type.ToName()} {file.Name} {file.Version}", CancellationToken.None);
    }

    public async Task<StoredFile> GetAsync(Caller caller, long id, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return await files.GetAsync(id, caller.Scope, ct) ?? throw NotFoundException.For("file", id);
    }

    public Task<Page<StoredFile>> ListAsync(Caller caller, FileQuery query, PageRequest page, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        return files.ListAsync(caller.Scope, query, page, ct);
    }

    /// <summary>QuerySts (IF-03-03): each file server's health and space, with the caller's files on it.</summary>
    public async Task<IReadOnlyList<FileServerStatus>> GetServerStatusAsync(Caller caller, CancellationToken ct)
    {
        caller.Require(Role.Viewer);
        var store = await content.GetStatusAsync(ct);
        var stats = await files.StatsAsync(caller.Scope, ct);
        return [new FileServerStatus(store, stats.Count, stats.Bytes)];
    }

    /// <summary>
    /// A token that lets a device fetch one file until it expires (default <c>Qdms:Files:DownloadTokenLifetime</c>).
    /// <paramref name="deviceId"/> and <paramref name="taskId"/> record whom and what it was for; each must be of the file's tenant
    /// (and the task of that device), or the call fails with 404.
    /// </summary>
    public async Task<IssuedDownloadToken> IssueDownloadTokenAsync(Caller caller, long fileId, long? deviceId, long? taskId, TimeSpan? lifetime, CancellationToken ct)
    {
        caller.Require(Role.Operator);
        var life = lifetime ?? options.Value.DownloadTokenLifetime;
        if (life < FileRepositoryOptions.MinDownloadTokenLifetime || life > FileRepositoryOptions.MaxDownloadTokenLifetime)
        {
            throw new ValidationException("expiresInSeconds",
                $"A download token's lifetime must be between {FileRepositoryOptions.MinDownloadTokenLifetime.TotalSeconds:0} and {FileRepositoryOptions.MaxDownloadTokenLifetime.TotalSeconds:0} seconds; got {life.TotalSeconds:0}.");
        }

        var file = await files.GetAsync(fileId, caller.Scope, ct) ?? throw NotFoundException.For("file", fileId);
        var fileTenant = TenantScope.Of(file.TenantId);
        if (deviceId is { } d && await devices.GetAsync(d, fileTenant, ct) is null)
        {
            throw NotFoundException.For("device", d);
        }

        if (taskId is { } t && (await tasks.GetAsync(t, fileTenant, ct) is not { } task || (deviceId is not null && task.DeviceId != deviceId)))
        {
            throw NotFoundException.For("task", t);
        }

        var now = time.GetUtcNow();
        var secret = SecretToken.New(DownloadTokenPrefix);
        var token = await downloadTokens.CreateAsync(
            new DownloadToken(0, file.TenantId, file.Id, SecretToken.HashOf(secret), deviceId, taskId, now, now + life), ct);
        var forWhom = deviceId is null ? "" : $" for device {deviceId}";
        await audit.RecordAsync(caller, "file.token", $"file/{file.Id}", file.TenantId, $"download token {token.Id}{forWhom}, expires {token.ExpiresAt:u}", CancellationToken.None);
        return new IssuedDownloadToken(secret, token, file, DevicePath(file));
    }

    /// <summary>The path devices fetch <paramref name="file"/> under, relative to the server's base URL.</summary>
    public static string DevicePath(StoredFile file) => $"/files/{file.Id}/{Uri.EscapeDataString(file.Name)}";

    /// <summary>The file a download token opens, or null when the token is unknown, expired or for another file.</summary>
    public async Task<StoredFile?> AuthorizeDownloadAsync(string secret, long fileId, CancellationToken ct)
    {
        if (!secret.StartsWith(DownloadTokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var token = await downloadTokens.FindByHashAsync(SecretToken.HashOf(secret), ct);
        if (token is null || token.FileId != fileId || token.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        return await files.GetAsync(fileId, TenantScope.Of(token.TenantId), ct);
    }

    /// <summary>A file an authenticated device may fetch: one of its own tenant's, or null.</summary>
    public Task<StoredFile?> GetForDeviceAsync(AuthenticatedDevice device, long fileId, CancellationToken ct) =>
        files.GetAsync(fileId, TenantScope.Of(device.TenantId), ct);

    /// <summary>A seekable stream over the file's content, or null when the content is gone.</summary>
    public Task<Stream?> OpenContentAsync(StoredFile file, CancellationToken ct) => content.OpenReadAsync(file.ContentKey, ct);

    /// <summary>Deletes orphaned content (no row) and abandoned temporary uploads, and expired download tokens.</summary>
    public async Task<(int Content, int Tokens)> SweepAsync(CancellationToken ct)
    {
        var keys = await files.AllContentKeysAsync(ct);
        var swept = await content.SweepAsync(keys, ct);
        var tokens = await downloadTokens.DeleteExpiredAsync(time.GetUtcNow(), ct);
        return (swept, tokens);
    }

    /// <summary>Parses a CRC-32 given as hexadecimal, with or without <c>0x</c> (decimal is not accepted: "12345678" would be ambiguous).</summary>
    public static bool TryParseCrc(string? text, out uint crc)
    {
        crc = 0;
        var s = text?.Trim() ?? "";
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
        }

        return s.Length is >= 1 and <= 8 && s.All(char.IsAsciiHexDigit)
            && uint.TryParse(s, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out crc);
    }

    /// <summary>A CRC as the API shows it: <c>0x</c> and eight upper-case hex digits.</summary>
    public static string FormatCrc(uint crc) => $"0x{crc:X8}";

    private static void Validate(FileRegistration r)
    {
        var errors = new Dictionary<string, string[]>();
        CheckText(errors, "provisionGroupId", r.ProvisionGroup, MaxFieldLength);
        CheckText(errors, "updateGroupId", r.UpdateGroup, MaxFieldLength);
        CheckText(errors, "version", r.Version, MaxFieldLength);
        CheckText(errors, "fileName", r.Name, MaxNameLength);
        var name = r.Name.Trim();
        if (!errors.ContainsKey("fileName") && (name is "." or ".." || name.IndexOfAny(['/', '\\']) >= 0))
        {
            errors["fileName"] = ["fileName must be a plain file name, without '/' or '\\', and not '.' or '..'."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private static void CheckText(Dictionary<string, string[]> errors, string field, string value, int max)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Length > max || v.Any(char.IsControl))
        {
            errors[field] = [$"{field} must be 1–{max} characters without control characters."];
        }
    }
}
