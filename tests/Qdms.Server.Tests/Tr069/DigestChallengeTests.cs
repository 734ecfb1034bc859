using Qdms.Engines.Tr069.ConnectionRequests;

namespace Qdms.Server.Tests.Tr069;

/// <summary>The connection request Digest client against the worked examples of RFC 7616 §3.9.1, and its challenge parsing.</summary>
public sealed class DigestChallengeTests
{
    private const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void The_answer_matches_rfc_7616s_example(string algorithm, string response)
    {
        var challenge = DigestChallenge.TryParse(
            $"realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm={algorithm}, nonce=\"{Nonce}\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");

        var answer = AuthParameters.TryParse(challenge!.Answer("GET", "/dir/index.html", "Mufasa", "Circle of Life", Cnonce, 1))!;

        Assert.Equal(response, answer["response"]);
        Assert.Equal(("auth", "00000001", Cnonce, "/dir/index.html"), (answer["qop"], answer["nc"], answer["cnonce"], answer["uri"]));
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", answer["opaque"]);
    }

    [Fact]
    public void A_challenge_without_an_algorithm_is_md5_and_one_without_qop_gets_an_rfc_2069_answer()
    {
        var challenge = DigestChallenge.TryParse("realm=\"cpe\", nonce=\"abc\"")!;

        var answer = AuthParameters.TryParse(challenge.Answer("GET", "/cr", "u", "p", "c", 1))!;

        Assert.Equal("MD5", challenge.Algorithm.Name);
        Assert.Null(challenge.Qop);
        Assert.False(answer.ContainsKey("nc"));
        Assert.Equal(challenge.Algorithm.Hex($"{challenge.Algorithm.Hex("u:cpe:p")}:abc:{challenge.Algorithm.Hex("GET:/cr")}"), answer["response"]);
    }

    [Theory]
    [InlineData("realm=\"r\"")] // no nonce
    [InlineData("realm=\"r\", nonce=\"n\", algorithm=SHA-512-256")]
    [InlineData("realm=\"r\", nonce=\"n\", qop=\"auth-conf\"")]
    [InlineData("realm=\"r, nonce=\"n\"")] // unterminated quoted-string
    public void Unsupported_or_malformed_challenges_are_not_answered(string parameters) =>
        Assert.Null(DigestChallenge.TryParse(parameters));

    [Fact]
    public void Quoted_values_keep_escaped_quotes_and_answers_escape_them()
    {
        var map = AuthParameters.TryParse("realm=\"a \\\"quoted\\\" realm\",nonce=n")!;
        Assert.Equal(("a \"quoted\" realm", "n"), (map["realm"], map["nonce"]));

        var answer = AuthParameters.TryParse(DigestChallenge.TryParse("realm=\"r\", nonce=\"n\", qop=auth")!.Answer("GET", "/", "user \"x\"", "p", "c", 1))!;
        Assert.Equal("user \"x\"", answer["username"]);
    }
}
