using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Testing;

namespace Qdms.Server.Tests.Engines;

/// <summary>Adding, listing, querying and removing engines over REST, and the errors and rights around them.</summary>
public abstract class EnginesApiTests(DbKind kind)
{
    private static JsonElement Config(object value) => JsonSerializer.SerializeToElement(value);

    [Fact]
    public async Task An_added_engine_is_listed_and_queried_by_type_and_index()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var admin = await db.StartServer().AdminAsync();
        var first = await admin.AddEngineAsync(new AddEngineRequest("echo", "first", Config(new { port = 0 })));
        var second = await admin.AddEngineAsync(new AddEngineRequest("echo", "second", null));

        Assert.Equal((1, "inactive", "stopped"), (first.Index, first.State, first.DesiredState));
        Assert.Equal(2, second.Index);
        Assert.Equal(7000, second.Config.GetProperty("port").GetInt32()); // the type's default
        Assert.Equal("127.0.0.1", second.Config.GetProperty("host").GetString());

        var listed = await admin.ListEnginesAsync();
        Assert.Equal([("first", 1), ("second", 2)], listed.Select(e => (e.Alias, e.Index)));
        var queried = await admin.GetEngineAsync("echo", 2);
        Assert.Equal(("second", "inactive"), (queried.Alias, queried.State));
    }

    [Fact]
    public async Task Engine_types_are_listed_with_their_config_defaults()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var viewer = await db.StartServer().TenantUserAsync("viewer");
        var echo = Assert.Single(await viewer.ListEngineTypesAsync(), t => t.Name == "echo");
        Assert.Equal(7000, echo.DefaultConfig.GetProperty("port").GetInt32());
        Assert.Equal(["host", "port"], echo.Fields.Select(f => f.Name));
    }

    [Fact]
    public async Task An_unknown_type_is_a_400_that_names_the_known_types()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var admin = await db.StartServer().AdminAsync();
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.AddEngineAsync(new AddEngineRequest("tr069x", "a", null)));
        Assert.Equal(400, e.Status);
        Assert.True(e.Errors!.ContainsKey("type"));
        Assert.Contains("known types: echo", e.Message, StringComparison.Ordinal);
        Assert.Equal(400, (await Assert.ThrowsAsync<QdmsApiException>(() => admin.StartEngineAsync("tr069x", 1))).Status);
    }

    [Fact]
    public async Task A_duplicate_alias_is_a_409_but_another_type_or_alias_is_fine()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var admin = await db.StartServer().AdminAsync();
        await admin.AddEngineAsync(new AddEngineRequest("echo", "main", null));
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.AddEngineAsync(new AddEngineRequest("echo", "main", Config(new { port = 0 }))));
        Assert.Equal(409, e.Status);
        Assert.Contains("main", e.Message, StringComparison.Ordinal);
        Assert.Single(await admin.ListEnginesAsync());
    }

    [Fact]
    public async Task A_bad_config_is_a_400_with_the_engines_message()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var admin = await db.StartServer().AdminAsync();
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.AddEngineAsync(new AddEngineRequest("echo", "a", Config(new { port = 70000 }))));
        Assert.Equal(400, e.Status);
        Assert.True(e.Errors!.ContainsKey("config"));
        Assert.Contains("port must be a whole number from 0", e.Message, StringComparison.Ordinal);

        e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.AddEngineAsync(new AddEngineRequest("echo", "a", Config(new { host = "not-an-ip", colour = "red" }))));
        Assert.Contains("host must be an IP address", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'colour'", e.Message, StringComparison.Ordinal);
        Assert.Empty(await admin.ListEnginesAsync());
    }

    [Fact]
    public async Task An_index_out_of_range_is_a_404_naming_the_valid_range()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var admin = await db.StartServer().AdminAsync();
        await admin.AddEngineAsync(new AddEngineRequest("echo", "a", null));
        await admin.AddEngineAsync(new AddEngineRequest("echo", "b", null));
        foreach (var call in new Func<Task>[] { () => admin.GetEngineAsync("echo", 3), () => admin.StartEngineAsync("echo", 3), () => admin.StopEngineAsync("echo", 9) })
        {
            var e = await Assert.ThrowsAsync<QdmsApiException>(call);
            Assert.Equal(404, e.Status);
            Assert.Contains("1–2", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Removing_an_engine_deletes_it_and_keeps_the_other_indexes()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var admin = await db.StartServer().AdminAsync();
        await admin.AddEngineAsync(new AddEngineRequest("echo", "a", null));
        await admin.AddEngineAsync(new AddEngineRequest("echo", "b", null));
        await admin.RemoveEngineAsync("echo", "a");
        var left = Assert.Single(await admin.ListEnginesAsync());
        Assert.Equal(("b", 2), (left.Alias, left.Index));
        Assert.Equal(404, (await Assert.ThrowsAsync<QdmsApiException>(() => admin.RemoveEngineAsync("echo", "a"))).Status);
        Assert.Contains((await admin.ListAuditAsync(action: "engine.remove")).Items, a => a.Target == "engine/echo/a");
    }

    [Fact]
    public async Task A_tenant_admin_cannot_change_the_systems_engines_but_may_read_them()
    {
        await using var db = await EngineDatabase.CreateAsync(kind);
        var server = db.StartServer();
        var admin = await server.AdminAsync();
        await admin.AddEngineAsync(new AddEngineRequest("echo", "a", Config(new { port = 0 })));
        var tenantAdmin = await server.TenantUserAsync("admin");
        foreach (var call in new Func<Task>[]
        {
            () => tenantAdmin.AddEngineAsync(new AddEngineRequest("echo", "b", null)),
            () => tenantAdmin.StartEngineAsync("echo", 1),
            () => tenantAdmin.StopEngineAsync("echo", 0),
            () => tenantAdmin.RemoveEngineAsync("echo", "a"),
            () => tenantAdmin.StopServiceAsync(),
            () => tenantAdmin.StartServiceAsync(),
        })
        {
            Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(call)).Status);
        }

        var viewer = await server.TenantUserAsync("viewer");
        Assert.Single(await viewer.ListEnginesAsync());
        Assert.Equal("inactive", (await viewer.GetEngineAsync("echo", 1)).State);
        Assert.Equal(1, (await viewer.ServiceReportAsync()).EngineCount);
    }
}

public sealed class SqliteEnginesApiTests() : EnginesApiTests(DbKind.Sqlite);

public sealed class PostgresEnginesApiTests() : EnginesApiTests(DbKind.Postgres);
