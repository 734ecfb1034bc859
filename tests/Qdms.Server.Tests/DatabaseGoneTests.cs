using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qdms.Client;
using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests;

/// <summary>The database disappears under a running server (a real PostgreSQL database dropped): precise 503s, no crash.</summary>
public sealed class DatabaseGoneTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Requests_get_a_503_naming_the_database_failure_and_the_server_keeps_answering()
    {
        var admin = await app.AdminAsync();
        Assert.NotEmpty(await admin.ListUsersAsync());
        var database = new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<Storage.StorageOptions>().ConnectionString).Database!;

        await PostgresServer.DropDatabaseAsync(app.Services.GetRequiredService<Storage.StorageOptions>().ConnectionString!);

        // A pooled connection learns it was terminated (57P01); a new one, that the database does not exist (3D000).
        var messages = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.ListUsersAsync());
            Assert.Equal(503, e.Status);
            Assert.Equal("Database unavailable", e.Title);
            messages.Add(e.Message);
        }

        Assert.Contains(messages, m => m.Contains($"database \"{database}\" does not exist", StringComparison.Ordinal));

        using var ready = await app.CreateClient().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var healthy = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        var again = await Assert.ThrowsAsync<QdmsApiException>(() => app.Anonymous().LoginAsync("admin", QdmsAppFactory.AdminPassword));
        Assert.Equal(503, again.Status);
    }
}
