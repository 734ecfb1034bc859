using System.Text.Json;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Cli;

/// <summary>CLIs signed in with <c>qdms login</c>, and small readers of what they print.</summary>
internal static class CliSignIn
{
    /// <summary>A CLI signed in as the first sysop.</summary>
    public static async Task<CliRunner> AdminAsync(QdmsAppFactory app)
    {
        var cli = new CliRunner(app);
        var (exit, output) = await cli.RunAsync("login", "--user", "admin", "--password", QdmsAppFactory.AdminPassword);
        Assert.True(exit == 0, output);
        return cli;
    }

    /// <summary>A CLI signed in as a new user with <paramref name="role"/> in a new tenant, so the test owns its data.</summary>
    public static async Task<CliRunner> TenantUserAsync(QdmsAppFactory app, string role = "admin")
    {
        var (_, _, user) = await app.TenantUserAsync(role);
        var cli = new CliRunner(app);
        var (exit, output) = await cli.RunAsync("login", "--user", user.Username, "--password", "user-pass-123");
        Assert.True(exit == 0, output);
        return cli;
    }

    /// <summary>Runs a command with <c>--json</c>, asserts it succeeded, and parses what it printed.</summary>
    public static async Task<JsonElement> JsonAsync(this CliRunner cli, params string[] args)
    {
        var (exit, output) = await cli.RunAsync([.. args, "--json"]);
        Assert.True(exit == 0, output);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }

    /// <summary>Runs a command, asserts it succeeded, and returns what it printed.</summary>
    public static async Task<string> OkAsync(this CliRunner cli, params string[] args)
    {
        var (exit, output) = await cli.RunAsync(args);
        Assert.True(exit == 0, output);
        return output;
    }

    public static string Text(this long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
