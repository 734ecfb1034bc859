using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qdms.Core.Engines;

namespace Qdms.Engines.Tr069;

/// <summary>
/// One ACS: its own Kestrel server (a slim <see cref="WebApplication"/> with one request delegate, bound in
/// <see cref="StartAsync"/> and stopped in <see cref="StopAsync"/>), the session table and a sweeper that drops silent sessions.
/// </summary>
internal sealed class Tr069Engine(Tr069Config config, Tr069Services services, string name) : IDmEngine
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly AcsSessionTable _sessions = new(services.Time, config.SessionTimeout);
    private readonly AcsCounters _counters = new();
    private WebApplication? _app;
    private AcsLoad? _load;
    private Task _sweeper = Task.CompletedTask;
    private string? _listen;
    private volatile bool _running;

    public EngineStatus Status
    {
        get
        {
            var details = new Dictionary<string, string>
            {
                ["sessions"] = _sessions.Count.ToString(CultureInfo.InvariantCulture),
                ["sessionsStarted"] = Interlocked.Read(ref _counters.SessionsStarted).ToString(CultureInfo.InvariantCulture),
                ["sessionsRefused"] = Interlocked.Read(ref _counters.SessionsRefused).ToString(CultureInfo.InvariantCulture),
                ["badRequests"] = Interlocked.Read(ref _counters.BadRequests).ToString(CultureInfo.InvariantCulture),
                ["sessionsShed"] = Interlocked.Read(ref _counters.SessionsShed).ToString(CultureInfo.InvariantCulture),
            };
            AcsLoadStatus.Add(details, _load);
            if (_running && _listen is not null)
            {
                details["listen"] = _listen;
                details["boundPort"] = _listen[(_listen.LastIndexOf(':') + 1)..].TrimEnd('/');
            }

            return new EngineStatus(_running ? EngineState.Active : EngineState.Inactive, details, null);
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(services.Loggers);
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(config.Address, config.Port);
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = config.MaxBodyBytes;
        });
        var app = builder.Build();
        var load = new AcsLoad(config, services.Contacts, services.Loggers.CreateLogger<AcsLoad>());
        var handler = new AcsHandler(config, services, _sessions, _counters, services.Loggers.CreateLogger<AcsHandler>(), load);
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(ct);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            await app.DisposeAsync();
            await load.DisposeAsync();
            throw new InvalidOperationException($"Cannot listen on {config.Address}:{config.Port}: {e.Message}", e);
        }

        _app = app;
        _load = load;
        _listen = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        _running = true;
        _sweeper = SweepAsync(handler, _stopping.Token);
        Tr069Log.Started(services.Loggers.CreateLogger<Tr069Engine>(), name, _listen ?? "?");
    }

    public async Task StopAsync(CancellationToken ct)
    {
        _running = false;
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await _sweeper;
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(ct);
            await app.DisposeAsync();
        }

        if (_load is { } load)
        {
            _load = null;
            await load.DisposeAsync();
        }
    }

    /// <summary>Drops sessions silent past the timeout, failing the task whose answer they owed.</summary>
    private async Task SweepAsync(AcsHandler handler, CancellationToken stopping)
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(config.SessionTimeout.TotalMilliseconds / 4, 100, 5000));
        using var timer = new PeriodicTimer(period, services.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                foreach (var session in _sessions.RemoveExpired())
                {
                    await handler.AbandonAsync(session, "the CPE went silent mid-session", stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
