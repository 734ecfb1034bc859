using System.Net;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

public abstract class AuthTests(QdmsAppFactory app)
{
    [Fact]
    public async Task Login_with_the_first_admin_password_returns_a_token_that_works()
    {
        var client = app.Anonymous();
        var answer = await client.LoginAsync("admin", QdmsAppFactory.AdminPassword);
        Assert.StartsWith("qdms_", answer.Token, StringComparison.Ordinal);
        Assert.Equal("sysop", answer.User.Role);
        client.UseToken(answer.Token);
        Assert.Equal("admin", (await client.MeAsync()).Username);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_that_does_not_say_which_part_was_wrong()
    {
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => app.Anonymous().LoginAsync("admin", "not-the-password"));
        Assert.Equal(401, e.Status);
        Assert.Equal("Wrong user name or password.", e.Message);
        var unknown = await Assert.ThrowsAsync<QdmsApiException>(() => app.Anonymous().LoginAsync("nobody-here", "not-the-password"));
        Assert.Equal(e.Message, unknown.Message);
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_problem_json()
    {
        using var response = await app.CreateClient().GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_is_refused_with_its_reason()
    {
        var client = app.Anonymous();
        client.UseToken("qdms_thisTokenWasNeverIssued");
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => client.MeAsync());
        Assert.Equal(401, e.Status);
        Assert.Contains("unknown or was revoked", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_says_it_expired()
    {
        var admin = await app.AdminAsync();
        var created = await admin.CreateTokenAsync(new CreateTokenRequest("short", 1.0 / 24 / 60 * 1.5)); // 90 s
        var client = app.Anonymous();
        client.UseToken(created.Token);
        Assert.Equal("admin", (await client.MeAsync()).Username);

        // Move the token's expiry into the past directly in the database: no waiting.
        await TestDb.ExecuteAsync(app, "UPDATE api_tokens SET expires_at = 1000 WHERE id = @id", new { id = created.Info.Id });
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => client.MeAsync());
        Assert.Equal(401, e.Status);
        Assert.Contains("expired", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_revokes_the_token()
    {
        var client = await app.AdminAsync();
        await client.LogoutAsync();
        var e = await Assert.ThrowsAsync<QdmsApiException>(() => client.MeAsync());
        Assert.Equal(401, e.Status);
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_that_names_the_position()
    {
        using var content = new StringContent("{\"username\":\"admin\",", System.Text.Encoding.UTF8, "application/json");
        using var response = await app.CreateClient().PostAsync("/api/v1/auth/login", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("not valid JSON", body, StringComparison.Ordinal);
        Assert.Contains("BytePositionInLine", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_field_gets_a_400_that_names_it()
    {
        using var content = new StringContent("{\"username\":\"admin\"}", System.Text.Encoding.UTF8, "application/json");
        using var response = await app.CreateClient().PostAsync("/api/v1/auth/login", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'password'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_password_is_stored_as_a_pbkdf2_hash_not_in_clear()
    {
        var hash = await TestDb.ScalarAsync<string>(app, "SELECT password_hash FROM users WHERE username = 'admin'");
        Assert.StartsWith("pbkdf2-sha256$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain(QdmsAppFactory.AdminPassword, hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_its_tokens_stop_working()
    {
        var (client, _, user) = await app.TenantUserAsync("operator");
        var admin = await app.AdminAsync();
        await admin.UpdateUserAsync(user.Id, new UpdateUserRequest(null, true));
        Assert.Equal(401, (await Assert.ThrowsAsync<QdmsApiException>(() => client.MeAsync())).Status);
        Assert.Equal(401, (await Assert.ThrowsAsync<QdmsApiException>(() => app.Anonymous().LoginAsync(user.Username, "user-pass-123"))).Status);
    }
}

public sealed class SqliteAuthTests(SqliteApp app) : AuthTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuthTests(PostgresApp app) : AuthTests(app), IClassFixture<PostgresApp>;
