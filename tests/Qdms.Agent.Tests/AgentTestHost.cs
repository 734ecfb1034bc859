namespace Qdms.Agent.Tests;

/// <summary>The real agent, started in-process on a free loopback port over a fixed /proc.</summary>
internal sealed class AgentTestHost : IAsyncDisposable
{
    private readonly AgentApp _app;

    private AgentTestHost(AgentApp app)
    {
        _app = app;
    }

    public Uri Address => _app.Address;

    public static async Task<AgentTestHost> StartAsync(ProcFixture proc, params string[] args)
    {
        string[] all =
        [
            "--address", "127.0.0.1", "--port", "0", "--proc-root", proc.ProcRoot, "--sys-root", proc.SysRoot,
            "--mount", proc.Root, "--sample-interval-ms", "10", .. args,
        ];
        var app = AgentHost.Build(all, AgentLog.None);
        await app.StartAsync();
        return new AgentTestHost(app);
    }

    public HttpClient Client(HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler()) { BaseAddress = Address };

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
