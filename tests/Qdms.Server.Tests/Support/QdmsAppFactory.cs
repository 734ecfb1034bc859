using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Testing;

namespace Qdms.Server.Tests.Support;

/// <summary>
/// A real QDMS server in-process on a fresh database (a SQLite file in a temp dir, or a new PostgreSQL database),
/// with the first sysop's password known. Use one per test class (IClassFixture) so tests own their data.
/// </summary>
public class QdmsAppFactory(DbKind kind) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "admin-pass-123";

    private readonly TempDirectory _data = new("qdms-app");
    private string? _postgres;

    public DbKind Kind { get; } = kind;

    public string DataDirectory => _data.Path;

    /// <summary>Extra settings a test class wants (<c>Qdms:Section:Key</c> → value), applied before start.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public async Task InitializeAsync()
    {
        if (Kind == DbKind.Postgres)
        {
            _postgres = await PostgresServer.CreateDatabaseAsync();
        }

        _ = Server; // start now, so failures show in the fixture, not the first test
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Qdms:Storage:DataDirectory", _data.Path);
        builder.UseSetting("Qdms:Storage:ConnectionString", _postgres ?? "");
        builder.UseSetting("QDMS_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Qdms:Auth:PasswordIterations", "10000"); // fast hashing in tests
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client with no token.</summary>
    public QdmsClient Anonymous() => new(CreateClient());

    /// <summary>A client signed in as the first sysop.</summary>
    public Task<QdmsClient> AdminAsync() => SignInAsync("admin", AdminPassword);

    public async Task<QdmsClient> SignInAsync(string username, string password)
    {
        var client = Anonymous();
        var answer = await client.LoginAsync(username, password);
        client.UseToken(answer.Token);
        return client;
    }

    /// <summary>Makes a tenant and a user with <paramref name="role"/> in it, and signs that user in.</summary>
    public async Task<(QdmsClient Client, TenantDto Tenant, UserDto User)> TenantUserAsync(string role = "admin", string? tenantName = null)
    {
        var admin = await AdminAsync();
        var tenant = await admin.CreateTenantAsync(new CreateTenantRequest(tenantName ?? "t" + Guid.NewGuid().ToString("N")[..10], null));
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        var user = await admin.CreateUserAsync(new CreateUserRequest(name, "user-pass-123", role, tenant.Id));
        return (await SignInAsync(name, "user-pass-123"), tenant, user);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_postgres is not null)
        {
            await PostgresServer.DropDatabaseAsync(_postgres);
        }

        _data.Dispose();
    }
}

public sealed class SqliteApp() : QdmsAppFactory(DbKind.Sqlite);

public sealed class PostgresApp() : QdmsAppFactory(DbKind.Postgres);
