using Qdms.Core.Errors;
using Qdms.Core.Files;
using Qdms.Core.Paging;
using Qdms.Core.Security;
using Qdms.Storage.Stores;

namespace Qdms.Storage.Tests;

public abstract class FileStoreTests(TestDatabase database)
{
    private readonly SqlFileStore _files = new(database.Db);
    private readonly SqlDownloadTokenStore _tokens = new(database.Db);
    private readonly SqlTenantStore _tenants = new(database.Db);

    [Fact]
    public async Task A_file_round_trips_with_every_field_including_a_crc_above_2_to_the_31()
    {
        var tenant = await NewTenantAsync();
        var created = await _files.CreateAsync(File(tenant, crc: 0xCBF43926u), default);

        var read = await _files.GetAsync(created.Id, TenantScope.Of(tenant), default);

        Assert.Equal(created, read);
        Assert.Equal(0xCBF43926u, read!.Crc32);
        Assert.Equal(FileType.Config, read.Type);
    }

    [Fact]
    public async Task Another_tenants_scope_sees_no_row_and_deletes_nothing()
    {
        var a = await NewTenantAsync();
        var b = await NewTenantAsync();
        var file = await _files.CreateAsync(File(a), default);

        Assert.Null(await _files.GetAsync(file.Id, TenantScope.Of(b), default));
        Assert.DoesNotContain((await _files.ListAsync(TenantScope.Of(b), new FileQuery(null, null), PageRequest.From(1, 1000), default)).Items, f => f.Id == file.Id);
        Assert.Equal(0, (await _files.StatsAsync(TenantScope.Of(b), default)).Count);
        Assert.False(await _files.DeleteAsync(file.Id, TenantScope.Of(b), default));
        Assert.NotNull(await _files.GetAsync(file.Id, TenantScope.All, default));
    }

    [Fact]
    public async Task The_same_type_name_and_version_twice_in_a_tenant_is_a_conflict_but_fine_in_another()
    {
        var a = await NewTenantAsync();
        var b = await NewTenantAsync();
        var file = File(a);
        await _files.CreateAsync(file, default);
        await Assert.ThrowsAsync<ConflictException>(() => _files.CreateAsync(file with { ContentKey = Guid.NewGuid().ToString("N") }, default));
        await _files.CreateAsync(file with { TenantId = b, ContentKey = Guid.NewGuid().ToString("N") }, default);
    }

    [Fact]
    public async Task Listing_filters_by_type_and_by_either_group_and_stats_add_up()
    {
        var tenant = await NewTenantAsync();
        var scope = TenantScope.Of(tenant);
        await _files.CreateAsync(File(tenant, type: FileType.Fw, provision: "p1", update: "u1", size: 10), default);
        await _files.CreateAsync(File(tenant, type: FileType.Sw, provision: "p2", update: "u1", size: 20), default);
        await _files.CreateAsync(File(tenant, type: FileType.Fw, provision: "p2", update: "u2", size: 30), default);

        Assert.Equal(2, (await _files.ListAsync(scope, new FileQuery(FileType.Fw, null), PageRequest.From(1, 10), default)).Total);
        Assert.Equal(2, (await _files.ListAsync(scope, new FileQuery(null, "u1"), PageRequest.From(1, 10), default)).Total);
        Assert.Equal(2, (await _files.ListAsync(scope, new FileQuery(null, "p2"), PageRequest.From(1, 10), default)).Total);
        Assert.Equal(1, (await _files.ListAsync(scope, new FileQuery(FileType.Fw, "p2"), PageRequest.From(1, 10), default)).Total);
        var page = await _files.ListAsync(scope, new FileQuery(null, null), PageRequest.From(2, 2), default);
        Assert.Equal(3, page.Total);
        Assert.Single(page.Items);
        Assert.Equal(new FileStats(3, 60), await _files.StatsAsync(scope, default));
    }

    [Fact]
    public async Task Deleting_a_file_deletes_its_download_tokens()
    {
        var tenant = await NewTenantAsync();
        var file = await _files.CreateAsync(File(tenant), default);
        var hash = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        var token = await _tokens.CreateAsync(new DownloadToken(0, tenant, file.Id, hash, 7, 8, now, now.AddHours(1)), default);
        Assert.Equal(token, await _tokens.FindByHashAsync(hash, default));

        Assert.True(await _files.DeleteAsync(file.Id, TenantScope.Of(tenant), default));

        Assert.Null(await _tokens.FindByHashAsync(hash, default));
        Assert.DoesNotContain(file.ContentKey, await _files.AllContentKeysAsync(default));
    }

    [Fact]
    public async Task Expired_download_tokens_are_deleted_and_live_ones_kept()
    {
        var tenant = await NewTenantAsync();
        var file = await _files.CreateAsync(File(tenant), default);
        var now = DateTimeOffset.UtcNow;
        var expired = Guid.NewGuid().ToString("N");
        var live = Guid.NewGuid().ToString("N");
        await _tokens.CreateAsync(new DownloadToken(0, tenant, file.Id, expired, null, null, now.AddHours(-2), now.AddHours(-1)), default);
        await _tokens.CreateAsync(new DownloadToken(0, tenant, file.Id, live, null, null, now, now.AddHours(1)), default);

        Assert.True(await _tokens.DeleteExpiredAsync(now, default) >= 1);

        Assert.Null(await _tokens.FindByHashAsync(expired, default));
        Assert.NotNull(await _tokens.FindByHashAsync(live, default));
    }

    private async Task<long> NewTenantAsync() =>
        (await _tenants.CreateAsync("t" + Guid.NewGuid().ToString("N")[..12], "T", DateTimeOffset.UtcNow, default)).Id;

    private static StoredFile File(long tenant, FileType type = FileType.Config, string provision = "p", string update = "u", long size = 5, uint crc = 1) =>
        new(0, tenant, type, provision, update, $"f-{Guid.NewGuid():N}.bin", "1.0", crc, new string('a', 64), size, Guid.NewGuid().ToString("N"),
            DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), "someone");
}

public sealed class SqliteFileStoreTests(SqliteDatabase db) : FileStoreTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresFileStoreTests(PostgresDatabase db) : FileStoreTests(db), IClassFixture<PostgresDatabase>;
