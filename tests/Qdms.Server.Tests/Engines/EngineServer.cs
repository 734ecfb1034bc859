using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Engines;

/// <summary>
/// A real QDMS server on a database an <see cref="EngineDatabase"/> owns, so that after it is disposed a new server can
/// open the same database (the restart tests). Disposing it stops the host, as a process shut-down would.
/// </summary>
public sealed class EngineServer(string dataDirectory, string? postgres) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Qdms:Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Qdms:Storage:ConnectionString", postgres ?? "");
        builder.UseSetting("QDMS_ADMIN_PASSWORD", QdmsAppFactory.AdminPassword);
        builder.UseSetting("Qdms:Auth:PasswordIterations", "10000");
    }

    public Task<QdmsClient> AdminAsync() => SignInAsync("admin", QdmsAppFactory.AdminPassword);

    public async Task<QdmsClient> SignInAsync(string username, string password)
    {
        var client = new QdmsClient(CreateClient());
        client.UseToken((await client.LoginAsync(username, password)).Token);
        return client;
    }

    /// <summary>A user with <paramref name="role"/> in a new tenant, signed in.</summary>
    public async Task<QdmsClient> TenantUserAsync(string role)
    {
        var admin = await AdminAsync();
        var tenant = await admin.CreateTenantAsync(new CreateTenantRequest("t" + Guid.NewGuid().ToString("N")[..10], null));
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        await admin.CreateUserAsync(new CreateUserRequest(name, "user-pass-123", role, tenant.Id));
        return await SignInAsync(name, "user-pass-123");
    }
}
