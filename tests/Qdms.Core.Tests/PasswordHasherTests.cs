using Qdms.Core.Security;

namespace Qdms.Core.Tests;

public sealed class PasswordHasherTests
{
    [Fact]
    public void A_hash_verifies_its_password_and_no_other()
    {
        var hash = PasswordHasher.Hash("correct horse", 10_000);
        Assert.True(PasswordHasher.Verify("correct horse", hash));
        Assert.False(PasswordHasher.Verify("correct hors", hash));
    }

    [Fact]
    public void Two_hashes_of_one_password_differ_by_their_salt()
    {
        Assert.NotEqual(PasswordHasher.Hash("same", 10_000), PasswordHasher.Hash("same", 10_000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("md5$abc")]
    [InlineData("pbkdf2-sha256$x$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAA")]
    public void A_malformed_stored_hash_never_verifies(string stored)
    {
        Assert.False(PasswordHasher.Verify("anything", stored));
    }
}
