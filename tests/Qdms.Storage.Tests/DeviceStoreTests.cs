using Qdms.Core.Devices;
using Qdms.Core.Errors;
using Qdms.Core.Paging;
using Qdms.Core.Security;
using Qdms.Storage.Stores;
using static Qdms.Storage.Tests.DeviceTestData;

namespace Qdms.Storage.Tests;

public abstract class DeviceStoreTests(TestDatabase database)
{
    private readonly SqlDeviceStore _store = new(database.Db);

    [Fact]
    public async Task Find_or_create_from_twenty_parallel_callers_makes_one_device()
    {
        var tenant = await NewTenantAsync(database.Db);
        var identity = new DeviceIdentity("lwm2m", "urn:imei:" + Unique());
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => _store.FindOrCreateAsync(tenant, identity, new DeviceDraft("", []), Now, CancellationToken.None))));
        Assert.Single(results.Select(r => r.Device.Id).Distinct());
        Assert.Single(results, r => r.Created);
        var page = await _store.ListAsync(TenantScope.Of(tenant), new DeviceQuery(), new PageRequest(1, 50), CancellationToken.None);
        Assert.Equal(1, page.Total);
        Assert.Equal([identity], page.Items[0].Identities);
        Assert.Equal(identity.Key, page.Items[0].Name);
    }

    [Fact]
    public async Task Creating_with_an_identity_another_device_owns_is_a_conflict_naming_it_and_writes_nothing()
    {
        var tenant = await NewTenantAsync(database.Db);
        var key = Unique();
        await _store.CreateAsync(tenant, Draft(key), Now, CancellationToken.None);
        var draft = new DeviceDraft("second", [new DeviceIdentity("snmp", "10.9." + key), new DeviceIdentity("tr069", key)]);
        var e = await Assert.ThrowsAsync<ConflictException>(() => _store.CreateAsync(tenant, draft, Now, CancellationToken.None));
        Assert.Contains($"tr069:{key}", e.Message, StringComparison.Ordinal);
        Assert.Null(await _store.FindByIdentityAsync(new DeviceIdentity("snmp", "10.9." + key), CancellationToken.None));
        Assert.Equal(1, (await _store.ListAsync(TenantScope.Of(tenant), new DeviceQuery(), new PageRequest(1, 10), CancellationToken.None)).Total);
    }

    [Fact]
    public async Task The_list_filters_by_search_prefix_protocol_group_tag_and_status_with_totals()
    {
        var tenant = await NewTenantAsync(database.Db);
        var scope = TenantScope.Of(tenant);
        var a = await _store.CreateAsync(tenant, Draft("00259E-HG8245-" + Unique(), model: "HG8245H", serial: "SN-ALPHA", tags: ["lab", "north"], provisionGroup: "fiber"), Now, default);
        var b = await _store.CreateAsync(tenant, Draft("node-" + Unique(), protocol: "lwm2m", name: "Water Meter 7", tags: ["north"], updateGroup: "fiber"), Now, default);
        var c = await _store.CreateAsync(tenant, Draft("10.1.1." + Unique(), protocol: "snmp", name: "Core Switch"), Now, default);
        await _store.RecordContactAsync(c.Id, new DeviceReport(Status: DeviceStatus.Online), Now, default);

        async Task<long[]> Ids(DeviceQuery q) => [.. (await _store.ListAsync(scope, q, new PageRequest(1, 50), default)).Items.Select(d => d.Id)];

        Assert.Equal([a.Id], await Ids(new DeviceQuery(Search: "hg82")));      // model prefix, case-insensitive
        Assert.Equal([a.Id], await Ids(new DeviceQuery(Search: "sn-al")));     // serial
        Assert.Equal([a.Id], await Ids(new DeviceQuery(Search: "00259e-hg")));  // identity key
        Assert.Equal([b.Id], await Ids(new DeviceQuery(Search: "WATER")));     // name
        Assert.Empty(await Ids(new DeviceQuery(Search: "meter")));             // a prefix, not a substring
        Assert.Equal([a.Id, b.Id, c.Id], await Ids(new DeviceQuery(Search: "")));
        Assert.Equal([b.Id], await Ids(new DeviceQuery(Protocol: "lwm2m")));
        Assert.Equal([a.Id, b.Id], await Ids(new DeviceQuery(Group: "fiber")));  // provision or update group
        Assert.Equal([a.Id, b.Id], await Ids(new DeviceQuery(Tag: "north")));
        Assert.Equal([a.Id], await Ids(new DeviceQuery(Tag: "north", Protocol: "tr069")));
        Assert.Equal([c.Id], await Ids(new DeviceQuery(Status: DeviceStatus.Online)));

        var page2 = await _store.ListAsync(scope, new DeviceQuery(), new PageRequest(2, 2), default);
        Assert.Equal(3, page2.Total);
        Assert.Equal([c.Id], page2.Items.Select(d => d.Id));
        var pastTheEnd = await _store.ListAsync(scope, new DeviceQuery(Tag: "north"), new PageRequest(2, 2), default);
        Assert.Empty(pastTheEnd.Items);
        Assert.Equal(2, pastTheEnd.Total);
        Assert.Equal(0, (await _store.ListAsync(TenantScope.Of(tenant + 100_000), new DeviceQuery(), new PageRequest(1, 10), default)).Total);
    }

    [Fact]
    public async Task A_device_of_another_tenant_is_invisible_and_cannot_be_deleted()
    {
        var tenant = await NewTenantAsync(database.Db);
        var other = await NewTenantAsync(database.Db);
        var d = await _store.CreateAsync(tenant, Draft(Unique()), Now, default);
        Assert.Null(await _store.GetAsync(d.Id, TenantScope.Of(other), default));
        Assert.False(await _store.DeleteAsync(d.Id, TenantScope.Of(other), default));
        Assert.NotNull(await _store.GetAsync(d.Id, TenantScope.All, default));
    }

    [Fact]
    public async Task Recording_contact_updates_reported_fields_last_contact_and_search_terms()
    {
        var tenant = await NewTenantAsync(database.Db);
        var d = await _store.CreateAsync(tenant, Draft(Unique()), Now, default);
        Assert.Null(d.LastContactAt);
        var later = Now.AddMinutes(5);
        Assert.True(await _store.RecordContactAsync(d.Id, new DeviceReport("Huawei", "EG8145V5", "48575443ABCDEF", "V5R019", "192.0.2.7", DeviceStatus.Online), later, default));
        var read = (await _store.GetAsync(d.Id, TenantScope.All, default))!;
        Assert.Equal(("Huawei", "EG8145V5", "48575443ABCDEF", "V5R019", "192.0.2.7", DeviceStatus.Online), (read.Manufacturer, read.Model, read.Serial, read.FirmwareVersion, read.Address, read.Status));
        Assert.Equal(later, read.LastContactAt);
        var found = await _store.ListAsync(TenantScope.Of(tenant), new DeviceQuery(Search: "eg8145"), new PageRequest(1, 10), default);
        Assert.Equal([d.Id], found.Items.Select(x => x.Id));
        Assert.False(await _store.RecordContactAsync(long.MaxValue, new DeviceReport(), later, default));
    }

    [Fact]
    public async Task Updating_tags_and_groups_changes_what_the_filters_find()
    {
        var tenant = await NewTenantAsync(database.Db);
        var d = await _store.CreateAsync(tenant, Draft(Unique(), tags: ["old"]), Now, default);
        Assert.True(await _store.UpdateAsync(d with { Name = "Renamed Box", Tags = ["new", "x"], ProvisionGroup = "pg", UpdateGroup = null }, Now, default));
        var scope = TenantScope.Of(tenant);
        Assert.Equal(0, (await _store.ListAsync(scope, new DeviceQuery(Tag: "old"), new PageRequest(1, 10), default)).Total);
        Assert.Equal(1, (await _store.ListAsync(scope, new DeviceQuery(Tag: "new"), new PageRequest(1, 10), default)).Total);
        Assert.Equal(1, (await _store.ListAsync(scope, new DeviceQuery(Group: "pg"), new PageRequest(1, 10), default)).Total);
        Assert.Equal(1, (await _store.ListAsync(scope, new DeviceQuery(Search: "renamed"), new PageRequest(1, 10), default)).Total);
        Assert.Equal(["new", "x"], (await _store.GetAsync(d.Id, scope, default))!.Tags);
    }

    [Fact]
    public async Task Credentials_are_found_by_user_name_and_a_taken_name_is_a_conflict()
    {
        var tenant = await NewTenantAsync(database.Db);
        var a = await _store.CreateAsync(tenant, Draft(Unique()), Now, default);
        var b = await _store.CreateAsync(tenant, Draft(Unique()), Now, default);
        var user = "cpe-" + Unique();
        await _store.SetCredentialsAsync(a.Id, user, "hash-a", Now, default);
        Assert.Equal(new DeviceCredentialRecord(a.Id, tenant, "hash-a"), await _store.FindCredentialsAsync(user, default));
        await Assert.ThrowsAsync<ConflictException>(() => _store.SetCredentialsAsync(b.Id, user, "hash-b", Now, default));
        await _store.SetCredentialsAsync(a.Id, null, null, Now, default);
        Assert.Null(await _store.FindCredentialsAsync(user, default));
    }

    [Fact]
    public async Task An_import_that_fails_on_a_later_row_writes_nothing()
    {
        var tenant = await NewTenantAsync(database.Db);
        var other = await NewTenantAsync(database.Db);
        var foreign = Unique();
        await _store.CreateAsync(other, Draft(foreign), Now, default);
        var fresh = Unique();
        DeviceImportRow[] rows = [new(2, Draft(fresh)), new(3, Draft(foreign))];
        var e = await Assert.ThrowsAsync<ConflictException>(() => _store.ImportAsync(tenant, rows, Now, default));
        Assert.Contains("Line 3", e.Message, StringComparison.Ordinal);
        Assert.Null(await _store.FindByIdentityAsync(new DeviceIdentity("tr069", fresh), default));
    }

    [Fact]
    public async Task An_import_creates_new_devices_and_merges_rows_into_existing_ones_by_identity()
    {
        var tenant = await NewTenantAsync(database.Db);
        var key = Unique();
        var existing = await _store.CreateAsync(tenant, Draft(key, name: "Keep Me", model: "M1", tags: ["a"]), Now, default);
        var merged = new DeviceDraft("", [new DeviceIdentity("tr069", key), new DeviceIdentity("snmp", "10.2." + key)], Serial: "S-9", Tags: null);
        var result = await _store.ImportAsync(tenant, [new(2, merged), new(3, Draft(Unique()))], Now, default);
        Assert.Equal(new DeviceImportResult(1, 1), result);
        var read = (await _store.GetAsync(existing.Id, TenantScope.All, default))!;
        Assert.Equal(("Keep Me", "M1", "S-9"), (read.Name, read.Model, read.Serial));
        Assert.Equal(["a"], read.Tags);
        Assert.Equal(2, read.Identities.Count);
    }

    [Fact]
    public async Task Bulk_insert_makes_devices_that_list_search_and_resolve_like_created_ones()
    {
        var tenant = await NewTenantAsync(database.Db);
        var prefix = "BULK" + Unique();
        var drafts = Enumerable.Range(0, 2500).Select(i => Draft($"{prefix}-{i:D5}", model: "Bulk-Model", tags: i % 2 == 0 ? ["even"] : [])).ToList();
        Assert.Equal(2500, await _store.BulkInsertAsync(tenant, drafts, Now, default));
        var scope = TenantScope.Of(tenant);
        Assert.Equal(2500, (await _store.ListAsync(scope, new DeviceQuery(), new PageRequest(1, 1), default)).Total);
        Assert.Equal(1250, (await _store.ListAsync(scope, new DeviceQuery(Tag: "even"), new PageRequest(1, 1), default)).Total);
        Assert.Equal(10, (await _store.ListAsync(scope, new DeviceQuery(Search: $"{prefix}-0001".ToLowerInvariant()), new PageRequest(1, 50), default)).Total);
        var one = await _store.FindByIdentityAsync(new DeviceIdentity("tr069", $"{prefix}-00042"), default);
        Assert.Equal(tenant, one!.TenantId);
        var after = await _store.CreateAsync(tenant, Draft(Unique()), Now, default);
        Assert.True(after.Id > one.Id, "ids keep growing after a bulk insert");
    }
}

public sealed class SqliteDeviceStoreTests(SqliteDatabase db) : DeviceStoreTests(db), IClassFixture<SqliteDatabase>;

public sealed class PostgresDeviceStoreTests(PostgresDatabase db) : DeviceStoreTests(db), IClassFixture<PostgresDatabase>;
