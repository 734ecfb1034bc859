using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Tests;

public sealed class OidTests
{
    [Theory]
    [InlineData(".1.3.6.1", "1.3.6.1")]
    [InlineData("1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.5.0")]
    [InlineData("2.100000.4294967295", "2.100000.4294967295")]
    public void Parses_and_formats_dotted_form(string text, string expected) => Assert.Equal(expected, Oid.Parse(text).ToString());

    [Theory]
    [InlineData("1", "at least two arcs")]
    [InlineData("3.1", "first arc")]
    [InlineData("1.40", "second arc")]
    [InlineData("1.3..6", "arc 3")]
    [InlineData("1.3.4294967296", "arc 3")]
    [InlineData("1.3.-1", "arc 3")]
    [InlineData("1.3.+1", "arc 3")]
    public void Rejects_invalid_text(string text, string expected)
    {
        Assert.False(Oid.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Rejects_more_than_128_arcs()
    {
        Assert.False(Oid.TryParse(string.Join('.', Enumerable.Repeat("1", 129)), out _, out var error));
        Assert.Contains("128", error);
        Assert.True(Oid.TryParse(string.Join('.', Enumerable.Repeat("1", 128)), out _, out _));
    }

    [Fact]
    public void Orders_arc_by_arc_with_a_prefix_first()
    {
        var sorted = new[] { "1.3.6.1.10", "1.3.6.1.2.1", "1.3.6.1.2", "1.3.6.1.9" }.Select(Oid.Parse).Order().Select(o => o.ToString());
        Assert.Equal(["1.3.6.1.2", "1.3.6.1.2.1", "1.3.6.1.9", "1.3.6.1.10"], sorted);
        Assert.True(Oid.Parse("1.3.6.1.2") < Oid.Parse("1.3.6.1.2.0"));
    }

    [Fact]
    public void StartsWith_matches_whole_arcs_only()
    {
        var system = Oid.Parse("1.3.6.1.2.1.1");
        Assert.True(Oid.Parse("1.3.6.1.2.1.1.5.0").StartsWith(system));
        Assert.True(system.StartsWith(system));
        Assert.False(Oid.Parse("1.3.6.1.2.1.11.1.0").StartsWith(system));
        Assert.False(Oid.Parse("1.3.6.1.2.1").StartsWith(system));
    }

    [Fact]
    public void Equal_oids_are_equal_and_hash_alike()
    {
        Assert.Equal(Oid.Parse("1.3.6"), new Oid(1, 3, 6));
        Assert.Equal(Oid.Parse("1.3.6").GetHashCode(), new Oid(1, 3, 6).GetHashCode());
        Assert.NotEqual(Oid.Parse("1.3.6"), Oid.Parse("1.3.6.0"));
        Assert.Equal(Oid.Parse("1.3.6.1"), Oid.Parse("1.3").Append(6, 1));
    }
}
