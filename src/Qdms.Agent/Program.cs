using Qdms.Agent;

try
{
    await using var app = AgentHost.Build(args);
    await app.RunAsync();
    return 0;
}
catch (AgentConfigurationException e)
{
    await Console.Error.WriteLineAsync($"qdms-agent: invalid configuration:{Environment.NewLine}{e.Message}");
    return 2;
}
