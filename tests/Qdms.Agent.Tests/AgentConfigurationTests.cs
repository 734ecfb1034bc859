namespace Qdms.Agent.Tests;

public sealed class AgentConfigurationTests
{
    [Theory]
    [InlineData("--port", "70000", "Agent:Port 70000")]
    [InlineData("--port", "abc", "Agent:Port")]
    [InlineData("--address", "example.org", "Agent:Address 'example.org'")]
    [InlineData("--groups", "1.4,9.9", "Agent:Groups contains unknown group '9.9'")]
    [InlineData("--token", "short", "Agent:Token")]
    [InlineData("--link-speed", "0", "Agent:DefaultLinkSpeedMbps 0")]
    [InlineData("--interface", "../etc", "Agent:Interface '../etc'")]
    [InlineData("--certificate", "/nonexistent/agent.pfx", "Agent:CertificatePath '/nonexistent/agent.pfx'")]
    [InlineData("--mount", "/nonexistent", "Agent:Mount '/nonexistent'")]
    public void A_bad_setting_stops_start_naming_the_key(string option, string value, string expected)
    {
        var e = Assert.Throws<AgentConfigurationException>(() => AgentHost.Build([option, value]));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_listen_on_the_agent_port_with_every_group()
    {
        var options = new AgentOptions();

        Assert.Equal(59473, options.Port);
        Assert.Empty(AgentOptionsValidator.Validate(options));
        Assert.Equal(OidGroups.All.Order(StringComparer.Ordinal), options.EnabledGroups.Order(StringComparer.Ordinal));
    }
}
