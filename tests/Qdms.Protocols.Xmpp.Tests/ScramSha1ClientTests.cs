namespace Qdms.Protocols.Xmpp.Tests;

/// <summary>SCRAM-SHA-1 against the worked example of RFC 5802 §5 (user "user", password "pencil").</summary>
public sealed class ScramSha1ClientTests
{
    private const string ClientNonce = "fyko+d2lbbFgONRv9qkxdawL";
    private const string ServerFirst = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";

    [Fact]
    public void The_messages_match_the_rfc_5802_example_and_its_server_signature_verifies()
    {
        var scram = new ScramSha1Client("user", "pencil", ClientNonce);

        Assert.Equal("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL", scram.ClientFirst);
        Assert.Equal("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=", scram.ClientFinal(ServerFirst));
        scram.VerifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    [Fact]
    public void A_server_signature_computed_from_another_password_is_refused()
    {
        var scram = new ScramSha1Client("user", "pencil", ClientNonce);
        scram.ClientFinal(ServerFirst);

        var wrong = Assert.Throws<XmppAuthenticationException>(() => scram.VerifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA="));

        Assert.Equal("server-signature-mismatch", wrong.Condition);
    }

    [Fact]
    public void A_server_final_with_an_error_attribute_names_it()
    {
        var scram = new ScramSha1Client("user", "pencil", ClientNonce);
        scram.ClientFinal(ServerFirst);

        Assert.Equal("invalid-proof", Assert.Throws<XmppAuthenticationException>(() => scram.VerifyServerFinal("e=invalid-proof")).Condition);
    }

    [Theory]
    [InlineData("r=someoneelse,s=QSXCR+Q6sek8bf92,i=4096", "nonce-mismatch")]
    [InlineData("r=fyko+d2lbbFgONRv9qkxdawL,s=QSXCR+Q6sek8bf92,i=4096", "nonce-mismatch")]
    [InlineData("r=fyko+d2lbbFgONRv9qkxdawLxyz,s=QSXCR+Q6sek8bf92,i=2000000000", "malformed-request")]
    [InlineData("r=fyko+d2lbbFgONRv9qkxdawLxyz,s=,i=4096", "malformed-request")]
    [InlineData("r=fyko+d2lbbFgONRv9qkxdawLxyz,s=!!,i=4096", "malformed-request")]
    [InlineData("m=ext,r=fyko+d2lbbFgONRv9qkxdawLxyz,s=QSXCR+Q6sek8bf92,i=4096", "unsupported-extension")]
    public void A_server_first_message_the_client_cannot_trust_is_refused(string serverFirst, string condition)
    {
        var scram = new ScramSha1Client("user", "pencil", ClientNonce);

        Assert.Equal(condition, Assert.Throws<XmppAuthenticationException>(() => scram.ClientFinal(serverFirst)).Condition);
    }

    [Fact]
    public void Commas_and_equals_signs_in_the_user_name_are_escaped()
    {
        Assert.StartsWith("n,,n=a=2Cb=3Dc,r=", new ScramSha1Client("a,b=c", "x").ClientFirst, StringComparison.Ordinal);
    }
}
