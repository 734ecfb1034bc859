using Microsoft.Extensions.DependencyInjection;
using Qdms.Contracts;
using Qdms.Server.Jobs;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

public abstract class TokenCleanupTests(QdmsAppFactory app)
{
    [Fact]
    public async Task Expired_tokens_are_deleted_and_live_ones_kept()
    {
        var admin = await app.AdminAsync();
        var doomed = await admin.CreateTokenAsync(new CreateTokenRequest("doomed", 1));
        var kept = await admin.CreateTokenAsync(new CreateTokenRequest("kept", 1));
        await TestDb.ExecuteAsync(app, "UPDATE api_tokens SET expires_at = 1000 WHERE id = @id", new { id = doomed.Info.Id });

        var deleted = await app.Services.GetRequiredService<ExpiredTokenCleanup>().RunOnceAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        var left = await admin.ListTokensAsync();
        Assert.DoesNotContain(left, t => t.Id == doomed.Info.Id);
        Assert.Contains(left, t => t.Id == kept.Info.Id);
    }

    [Fact]
    public async Task The_cleanup_job_is_part_of_the_service_report()
    {
        var admin = await app.AdminAsync();
        using var response = await admin.Http.GetAsync("/api/v1/service/report");
        Assert.Contains("token-cleanup", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteTokenCleanupTests(SqliteApp app) : TokenCleanupTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTokenCleanupTests(PostgresApp app) : TokenCleanupTests(app), IClassFixture<PostgresApp>;
