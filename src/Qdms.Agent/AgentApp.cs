using System.Net;
using System.Security.Cryptography.X509Certificates;
using Qdms.Agent.Sampling;

namespace Qdms.Agent;

/// <summary>The agent: the sampling loop and the HTTP server, started and stopped together.</summary>
internal sealed class AgentApp(AgentOptions options, X509Certificate2? certificate, AgentLog log) : IAsyncDisposable
{
    private readonly SampleStore _store = new(options.EnabledGroups, DeviceSampler.CountCores(options.ProcRoot));
    private readonly CancellationTokenSource _stop = new();
    private AgentServer? _server;
    private Task? _sampling;

    public AgentOptions Options => options;

    /// <summary>The URL the agent answers on (with the real port once started; a wildcard address as loopback).</summary>
    public Uri Address
    {
        get
        {
            var endpoint = _server?.LocalEndPoint ?? throw new InvalidOperationException("The agent is not started.");
            var ip = endpoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
                : endpoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
                : endpoint.Address;
            return new UriBuilder(certificate is null ? "http" : "https", ip.ToString(), endpoint.Port).Uri;
        }
    }

    public Task StartAsync()
    {
        _server = AgentServer.Start(IPAddress.Parse(options.Address), options.Port, certificate, new DeviceQosEndpoint(_store, options.Token), log);
        _sampling = SamplingLoop.RunAsync(new DeviceSampler(options, _store, log), options, _stop.Token);
        log.Info(9000, $"Listening on {Address} for {DeviceQosEndpoint.Path}; groups {options.Groups}");
        return Task.CompletedTask;
    }

    /// <summary>Starts, then runs until SIGTERM or SIGINT.</summary>
    public async Task RunAsync()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stopped.TrySetResult();
        });
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c =>
        {
            c.Cancel = true;
            stopped.TrySetResult();
        });
        await StartAsync();
        await stopped.Task;
        await StopAsync();
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        if (_sampling is not null)
        {
            await _sampling;
            _sampling = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        certificate?.Dispose();
        _stop.Dispose();
    }
}
