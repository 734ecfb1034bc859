using System.Text.Json;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests;

public sealed class CliTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Login_saves_a_token_that_later_commands_use()
    {
        using var cli = new CliRunner(app);
        var (exit, output) = await cli.RunAsync("login", "--user", "admin", "--password", QdmsAppFactory.AdminPassword);
        Assert.True(exit == 0, output);
        Assert.StartsWith("qdms_", cli.Config.Load().Token, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.Config.Path));
        }

        (exit, output) = await cli.RunAsync("whoami");
        Assert.Equal(0, exit);
        Assert.Contains("admin (sysop", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_prints_the_servers_reason_and_exits_3()
    {
        using var cli = new CliRunner(app);
        var (exit, output) = await cli.RunAsync("login", "--user", "admin", "--password", "wrong-password");
        Assert.Equal(3, exit);
        Assert.Contains("Wrong user name or password.", output, StringComparison.Ordinal);
        Assert.Null(cli.Config.Load().Token);
    }

    [Fact]
    public async Task A_command_without_a_login_says_how_to_sign_in()
    {
        using var cli = new CliRunner(app);
        var (exit, output) = await cli.RunAsync("users", "list");
        Assert.Equal(1, exit);
        Assert.Contains("qdms login", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenants_and_users_can_be_made_and_listed_as_json()
    {
        using var cli = new CliRunner(app);
        await cli.RunAsync("login", "--user", "admin", "--password", QdmsAppFactory.AdminPassword);
        var (exit, output) = await cli.RunAsync("tenants", "add", "cli-tenant", "--json");
        Assert.True(exit == 0, output);
        var tenantId = JsonDocument.Parse(output).RootElement[0].GetProperty("id").GetInt64();

        (exit, output) = await cli.RunAsync("users", "add", "cli-user", "--role", "viewer", "--tenant", tenantId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--password", "cli-user-pass-1");
        Assert.True(exit == 0, output);

        (exit, output) = await cli.RunAsync("users", "list", "--json");
        Assert.Equal(0, exit);
        var users = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Contains(users, u => u.GetProperty("username").GetString() == "cli-user" && u.GetProperty("tenantId").GetInt64() == tenantId);

        (exit, output) = await cli.RunAsync("audit", "--action", "user.create");
        Assert.Equal(0, exit);
        Assert.Contains("cli-user", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_made_with_the_cli_works_for_a_script()
    {
        using var cli = new CliRunner(app);
        await cli.RunAsync("login", "--user", "admin", "--password", QdmsAppFactory.AdminPassword);
        var (exit, output) = await cli.RunAsync("tokens", "create", "ci-script", "--json");
        Assert.True(exit == 0, output);
        var secret = JsonDocument.Parse(output).RootElement.GetProperty("token").GetString()!;

        using var other = new CliRunner(app);
        (exit, output) = await other.RunAsync("whoami", "--token", secret);
        Assert.Equal(0, exit);
        Assert.Contains("admin", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_role_shows_the_field_error()
    {
        using var cli = new CliRunner(app);
        await cli.RunAsync("login", "--user", "admin", "--password", QdmsAppFactory.AdminPassword);
        var (exit, output) = await cli.RunAsync("users", "add", "x-user", "--role", "wizard", "--tenant", "1", "--password", "long-enough-pass");
        Assert.Equal(1, exit);
        Assert.Contains("wizard", output, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", output, StringComparison.Ordinal);
    }
}
