using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Qdms.Agent.Tests;

/// <summary>The real agent host, started in-process on a free loopback port over a fixed /proc.</summary>
internal sealed class AgentTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgentTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<AgentTestHost> StartAsync(ProcFixture proc, params string[] args)
    {
        string[] all =
        [
            "--address", "127.0.0.1", "--port", "0", "--proc-root", proc.ProcRoot, "--sys-root", proc.SysRoot,
            "--mount", proc.Root, "--sample-interval-ms", "10", .. args,
        ];
        var app = AgentHost.Build(all);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new AgentTestHost(app, new Uri(address));
    }

    public HttpClient Client(HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler()) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
