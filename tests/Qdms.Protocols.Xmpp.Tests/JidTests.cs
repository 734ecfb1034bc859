namespace Qdms.Protocols.Xmpp.Tests;

public sealed class JidTests
{
    [Theory]
    [InlineData("acs@example.com", "acs", "example.com", null)]
    [InlineData("cpe@example.com/res/with/slash", "cpe", "example.com", "res/with/slash")]
    [InlineData("example.com", null, "example.com", null)]
    [InlineData("example.com/r", null, "example.com", "r")]
    public void A_jid_splits_into_local_domain_and_resource(string text, string? local, string domain, string? resource)
    {
        var jid = Jid.Parse(text);

        Assert.Equal((local, domain, resource), (jid.Local, jid.Domain, jid.Resource));
        Assert.Equal(text, jid.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("@example.com")]
    [InlineData("a@")]
    [InlineData("a@b@c")]
    [InlineData("a@b/")]
    [InlineData("a b@c")]
    public void Malformed_jids_are_refused(string text) => Assert.False(Jid.TryParse(text, out _));

    [Fact]
    public void Local_part_and_domain_compare_case_insensitively_and_the_resource_exactly()
    {
        Assert.True(Jid.Parse("ACS@Example.com/r").Matches(Jid.Parse("acs@example.COM/r")));
        Assert.False(Jid.Parse("acs@example.com/R").Matches(Jid.Parse("acs@example.com/r")));
        Assert.Equal(Jid.Parse("acs@example.com"), Jid.Parse("acs@example.com/r").Bare);
    }

    [Fact]
    public void Client_options_never_print_the_password()
    {
        var options = new XmppClientOptions { Host = "h", Jid = Jid.Parse("a@h"), Password = "s3cr3t-pw" };

        Assert.DoesNotContain("s3cr3t-pw", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", (options with { Port = 1 }).ToString(), StringComparison.Ordinal);
    }
}
