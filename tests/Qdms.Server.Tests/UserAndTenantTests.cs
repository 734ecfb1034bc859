using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

public abstract class UserAndTenantTests(QdmsAppFactory app)
{
    [Fact]
    public async Task An_admin_sees_only_the_users_of_its_tenant()
    {
        var (a, tenantA, userA) = await app.TenantUserAsync("admin");
        var (b, _, userB) = await app.TenantUserAsync("admin");
        var seenByA = await a.ListUsersAsync();
        Assert.Contains(seenByA, u => u.Id == userA.Id);
        Assert.DoesNotContain(seenByA, u => u.Id == userB.Id);
        Assert.All(seenByA, u => Assert.Equal(tenantA.Id, u.TenantId));
        Assert.Single(await a.ListTenantsAsync());

        var e = await Assert.ThrowsAsync<QdmsApiException>(() => a.DeleteUserAsync(userB.Id));
        Assert.Equal(404, e.Status);
        Assert.NotNull(await b.MeAsync());
    }

    [Fact]
    public async Task An_admin_cannot_create_a_sysop_or_a_user_in_another_tenant()
    {
        var (a, _, _) = await app.TenantUserAsync("admin");
        var (_, tenantB, _) = await app.TenantUserAsync("admin");
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() =>
            a.CreateUserAsync(new CreateUserRequest("sneaky-sysop", "long-enough-pass", "sysop", null)))).Status);
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() =>
            a.CreateUserAsync(new CreateUserRequest("sneaky-other", "long-enough-pass", "operator", tenantB.Id)))).Status);
    }

    [Fact]
    public async Task An_operator_cannot_manage_users()
    {
        var (op, _, _) = await app.TenantUserAsync("operator");
        Assert.Equal(403, (await Assert.ThrowsAsync<QdmsApiException>(() => op.ListUsersAsync())).Status);
    }

    [Fact]
    public async Task Bad_user_fields_are_named_in_the_error()
    {
        var admin = await app.AdminAsync();
        var tenants = await admin.ListTenantsAsync();
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.CreateUserAsync(new CreateUserRequest("ok-name", "short", "operator", tenants[0].Id)));
        Assert.Equal(400, e.Status);
        Assert.True(e.Errors!.ContainsKey("password"));
        e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.CreateUserAsync(new CreateUserRequest("ok-name", "long-enough-pass", "superuser", tenants[0].Id)));
        Assert.Contains("superuser", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_user_name_is_a_409()
    {
        var (_, tenant, user) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => admin.CreateUserAsync(new CreateUserRequest(user.Username, "long-enough-pass", "viewer", tenant.Id)));
        Assert.Equal(409, e.Status);
    }

    [Fact]
    public async Task Changing_a_password_revokes_old_tokens_and_the_new_one_signs_in()
    {
        var (client, _, user) = await app.TenantUserAsync("viewer");
        await client.ChangePasswordAsync(user.Id, new ChangePasswordRequest("user-pass-123", "brand-new-pass-1"));
        Assert.Equal(401, (await Assert.ThrowsAsync<QdmsApiException>(() => client.MeAsync())).Status);
        var again = await app.SignInAsync(user.Username, "brand-new-pass-1");
        Assert.Equal(user.Id, (await again.MeAsync()).Id);
    }

    [Fact]
    public async Task User_changes_are_in_the_audit_log_with_who_did_them()
    {
        var (_, _, user) = await app.TenantUserAsync("viewer");
        var admin = await app.AdminAsync();
        var log = await admin.ListAuditAsync(action: "user.create", size: 1000);
        var entry = Assert.Single(log.Items, e => e.Target == $"user/{user.Id}");
        Assert.Equal("admin", entry.Username);
        Assert.Equal(user.TenantId, entry.TenantId);
    }

    [Fact]
    public async Task An_api_token_works_until_it_is_revoked()
    {
        var admin = await app.AdminAsync();
        var created = await admin.CreateTokenAsync(new CreateTokenRequest("script", null));
        var script = app.Anonymous();
        script.UseToken(created.Token);
        Assert.Equal("admin", (await script.MeAsync()).Username);
        Assert.Contains(await admin.ListTokensAsync(), t => t.Id == created.Info.Id && t.Kind == "api");
        await admin.RevokeTokenAsync(created.Info.Id);
        Assert.Equal(401, (await Assert.ThrowsAsync<QdmsApiException>(() => script.MeAsync())).Status);
    }
}

public sealed class SqliteUserAndTenantTests(SqliteApp app) : UserAndTenantTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresUserAndTenantTests(PostgresApp app) : UserAndTenantTests(app), IClassFixture<PostgresApp>;
