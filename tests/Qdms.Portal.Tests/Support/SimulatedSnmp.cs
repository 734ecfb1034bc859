using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;

namespace Qdms.Portal.Tests.Support;

/// <summary>
/// An snmp engine added and started through the API of the server under test (a separate process), for tasks only: polling
/// off (so it never doubles another test's poller), traps on a free loopback port, short timeouts and a fast task loop.
/// Point devices at a real agent (<see cref="Qdms.Testing.SnmpdAgent"/>) on loopback. Stopped and removed on dispose.
/// </summary>
public sealed class SimulatedSnmp : IAsyncDisposable
{
    private readonly QdmsClient _admin;
    private readonly EngineDto _engine;

    private SimulatedSnmp(QdmsClient admin, EngineDto engine)
    {
        _admin = admin;
        _engine = engine;
    }

    public static async Task<SimulatedSnmp> StartAsync(QdmsClient admin)
    {
        var config = JsonSerializer.SerializeToElement(new
        {
            polling = false,
            trapHost = "127.0.0.1",
            trapPort = 0,
            timeoutMs = 1000,
            retries = 1,
            taskPollMs = 200,
        });
        var added = await admin.AddEngineAsync(new AddEngineRequest("snmp", "snmp-" + Guid.NewGuid().ToString("N")[..8], config));
        var started = await admin.StartEngineAsync("snmp", added.Index);
        var mine = started.Single(e => e.Id == added.Id);
        Assert.True(mine.State == "active", $"the snmp engine did not start: {mine.LastError}");
        return new SimulatedSnmp(admin, mine);
    }

    public async ValueTask DisposeAsync()
    {
        await _admin.StopEngineAsync("snmp", _engine.Index);
        await _admin.RemoveEngineAsync("snmp", _engine.Alias);
    }
}
