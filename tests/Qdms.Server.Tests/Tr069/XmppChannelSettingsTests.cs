using System.Text.Json;
using Qdms.Engines.Tr069;
using Qdms.Engines.Tr069.ConnectionRequests;

namespace Qdms.Server.Tests.Tr069;

/// <summary>The engine config's XMPP keys: off when xmppServer is empty, each bad key named, the password never printed.</summary>
public sealed class XmppChannelSettingsTests
{
    private const string Base = """{"address": "127.0.0.1", "port": 0, "sessionTimeoutSeconds": 30, "maxBodyBytes": 4096, "fileBaseUrl": ""}""";

    [Fact]
    public void An_empty_xmpp_server_turns_xmpp_off()
    {
        var problems = new List<string>();

        var config = Tr069Config.TryRead(With("""{"xmppServer": "", "xmppJid": "", "xmppPassword": ""}"""), problems);

        Assert.Empty(problems);
        Assert.Null(config!.Xmpp);
    }

    [Theory]
    [InlineData("xmpp.example.net:5223", "xmpp.example.net", 5223)]
    [InlineData("xmpp.example.net", "xmpp.example.net", 5222)]
    [InlineData("[::1]:15222", "::1", 15222)]
    [InlineData("::1", "::1", 5222)]
    public void The_server_is_host_and_optional_port(string server, string host, int port)
    {
        var problems = new List<string>();

        var config = Tr069Config.TryRead(With($$"""{"xmppServer": "{{server}}", "xmppJid": "acs@example.net", "xmppPassword": "pw", "xmppTlsThumbprint": "AB:CD:{{new string('0', 36)}}"}"""), problems);

        Assert.Empty(problems);
        Assert.Equal((host, port, "acs@example.net"), (config!.Xmpp!.Host, config.Xmpp.Port, config.Xmpp.Jid.ToString()));
        Assert.False(config.Xmpp.AllowPlain);
    }

    [Theory]
    [InlineData("""{"xmppServer": "h:99999", "xmppJid": "acs@h", "xmppPassword": "pw"}""", "xmppServer")]
    [InlineData("""{"xmppServer": "h", "xmppJid": "acs", "xmppPassword": "pw"}""", "xmppJid")]
    [InlineData("""{"xmppServer": "h", "xmppJid": "acs@h/res", "xmppPassword": "pw"}""", "xmppJid")]
    [InlineData("""{"xmppServer": "h", "xmppJid": "acs@h", "xmppPassword": ""}""", "xmppPassword")]
    [InlineData("""{"xmppServer": "h", "xmppJid": "acs@h", "xmppPassword": "pw", "xmppAllowPlain": "yes"}""", "xmppAllowPlain")]
    [InlineData("""{"xmppServer": "h", "xmppJid": "acs@h", "xmppPassword": "pw", "xmppTlsThumbprint": "xyz"}""", "xmppTlsThumbprint")]
    [InlineData("""{"xmppServer": 5222}""", "xmppServer")]
    public void Each_bad_key_is_named(string xmpp, string key)
    {
        var problems = new List<string>();

        Assert.Null(Tr069Config.TryRead(With(xmpp), problems));

        Assert.Contains(problems, p => p.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void The_settings_never_print_the_password()
    {
        var config = Tr069Config.TryRead(With("""{"xmppServer": "h", "xmppJid": "acs@h", "xmppPassword": "s3cr3t-pw"}"""), [])!;

        Assert.DoesNotContain("s3cr3t-pw", config.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", config.Xmpp!.ToString(), StringComparison.Ordinal);
        Assert.Equal("s3cr3t-pw", config.Xmpp.ClientOptions().Password);
    }

    private static JsonElement With(string xmpp)
    {
        var merged = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base)!;
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(xmpp)!)
        {
            merged[key] = value;
        }

        return JsonSerializer.SerializeToElement(merged);
    }
}
