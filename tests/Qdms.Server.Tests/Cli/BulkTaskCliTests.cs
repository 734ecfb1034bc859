using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Cli;

/// <summary><c>qdms devices bulk create|show</c> against a real server.</summary>
public sealed class BulkTaskCliTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Bulk_tasks_are_queued_by_ids_and_by_tag_and_shown()
    {
        using var cli = await CliSignIn.TenantUserAsync(app, "operator");
        var tag = "cli-" + DevicesTests.Unique()[..8];
        var a = (await cli.JsonAsync("devices", "add", "--identity", $"tr069:{DevicesTests.Unique()}", "--tags", tag)).GetProperty("id").GetInt64();
        var b = (await cli.JsonAsync("devices", "add", "--identity", $"tr069:{DevicesTests.Unique()}", "--tags", tag)).GetProperty("id").GetInt64();
        await cli.OkAsync("devices", "add", "--identity", $"tr069:{DevicesTests.Unique()}");

        var byIds = await cli.JsonAsync("devices", "bulk", "create", "reboot", "--ids", $"{a},{b}");
        Assert.Equal(2, byIds.GetProperty("total").GetInt64());
        var byTag = await cli.JsonAsync("devices", "bulk", "create", "set", "--tag", tag, "--args", """{"values":{"Device.X":"1"}}""");
        Assert.Equal(("set", 2L, $"tag={tag}"), (byTag.GetProperty("kind").GetString(), byTag.GetProperty("total").GetInt64(), byTag.GetProperty("selection").GetString()));
        var everything = await cli.JsonAsync("devices", "bulk", "create", "refresh", "--all");
        Assert.Equal(3, everything.GetProperty("total").GetInt64());

        var shown = await cli.OkAsync("devices", "bulk", "show", byIds.GetProperty("id").GetInt64().Text());
        Assert.Matches(@"reboot\s*│\s*2 device\(s\) by id\s*│\s*queued\s*│\s*2\s*│\s*2", shown);

        var (exit, output) = await cli.RunAsync("devices", "bulk", "create", "reboot", "--ids", $"{a}", "--tag", tag);
        Assert.NotEqual(0, exit);
        Assert.Contains("not both", output, StringComparison.Ordinal);
    }
}
