using System.Security.Cryptography;
using Qdms.Core.Security;

namespace Qdms.Core.Tests;

public sealed class SecretBoxTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qdms-secretbox").FullName;

    [Fact]
    public void A_sealed_secret_opens_with_the_same_key_and_purpose_and_is_not_plain_text()
    {
        var box = new SecretBox(RandomNumberGenerator.GetBytes(32));
        var sealedValue = box.Seal("private-community", "snmp.community");
        Assert.DoesNotContain("private", sealedValue, StringComparison.Ordinal);
        Assert.NotEqual(sealedValue, box.Seal("private-community", "snmp.community")); // a fresh nonce each time
        Assert.Equal("private-community", box.Open(sealedValue, "snmp.community"));
    }

    [Fact]
    public void A_sealed_secret_does_not_open_for_another_purpose_another_key_or_when_altered()
    {
        var box = new SecretBox(RandomNumberGenerator.GetBytes(32));
        var sealedValue = box.Seal("authpass123", "snmp.auth");
        Assert.Throws<CryptographicException>(() => box.Open(sealedValue, "snmp.priv"));
        Assert.Throws<CryptographicException>(() => new SecretBox(RandomNumberGenerator.GetBytes(32)).Open(sealedValue, "snmp.auth"));
        var bytes = Convert.FromBase64String(sealedValue[3..]);
        bytes[^1] ^= 1;
        Assert.Throws<CryptographicException>(() => box.Open("v1:" + Convert.ToBase64String(bytes), "snmp.auth"));
        Assert.Throws<CryptographicException>(() => box.Open("plain text", "snmp.auth"));
    }

    [Fact]
    public void The_key_file_is_made_once_with_mode_0600_and_reused()
    {
        var file = Path.Combine(_dir, "data", "secret.key");
        var sealedValue = SecretBox.LoadOrCreate(file).Seal("x-secret", "p");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.Equal("x-secret", SecretBox.LoadOrCreate(file).Open(sealedValue, "p"));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!)); // no temp file left behind
    }

    [Fact]
    public void A_configured_key_of_the_wrong_size_is_refused_with_its_source()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SecretBox.FromBase64(Convert.ToBase64String(new byte[16]), "Qdms:Secrets:Key"));
        Assert.Contains("Qdms:Secrets:Key", e.Message, StringComparison.Ordinal);
        Assert.Contains("16 bytes", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
