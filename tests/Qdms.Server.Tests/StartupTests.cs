using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests;

/// <summary>The server as an operator starts it: a separate process, settings on its command line.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("--Qdms:Auth:SessionLifetime=00:00:05", "Qdms:Auth:SessionLifetime")]
    [InlineData("--Qdms:Auth:MinPasswordLength=3", "Qdms:Auth:MinPasswordLength")]
    [InlineData("--db=Host=127.0.0.1;Port=notaport", "Qdms:Storage:ConnectionString")]
    public async Task A_bad_setting_stops_start_up_with_a_message_naming_the_key(string setting, string key)
    {
        using var data = new TempDirectory();
        await using var server = ServerProcess.Start(["--data", data.Path, setting]);
        var exit = await server.WaitForExitAsync();
        Assert.Equal(2, exit);
        Assert.Contains("configuration error", server.Output, StringComparison.Ordinal);
        Assert.Contains(key, server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_start_writes_a_random_admin_password_readable_by_the_owner_only()
    {
        using var data = new TempDirectory();
        await using var server = ServerProcess.Start(["--data", data.Path]);
        var client = await server.WaitUntilListeningAsync();
        var file = Path.Combine(data.Path, "admin-password.txt");
        Assert.True(File.Exists(file), server.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var password = (await File.ReadAllTextAsync(file)).Trim();
        Assert.True(password.Length >= 20);
        Assert.DoesNotContain(password, server.Output, StringComparison.Ordinal);

        var login = await client.LoginAsync("admin", password);
        Assert.Equal("sysop", login.User.Role);
    }

    [Fact]
    public async Task The_admin_password_comes_from_QDMS_ADMIN_PASSWORD_when_set_and_no_file_is_written()
    {
        using var data = new TempDirectory();
        await using var server = ServerProcess.Start(["--data", data.Path], new Dictionary<string, string?> { ["QDMS_ADMIN_PASSWORD"] = "from-the-environment-1" });
        var client = await server.WaitUntilListeningAsync();
        Assert.False(File.Exists(Path.Combine(data.Path, "admin-password.txt")));
        Assert.Equal("sysop", (await client.LoginAsync("admin", "from-the-environment-1")).User.Role);
    }
}
