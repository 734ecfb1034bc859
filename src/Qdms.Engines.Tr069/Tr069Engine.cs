using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qdms.Core.Engines;
using Qdms.Engines.Tr069.ConnectionRequests;

namespace Qdms.Engines.Tr069;

/// <summary>
/// One ACS: its own Kestrel server (a slim <see cref="WebApplication"/> with one request delegate, bound in
/// <see cref="StartAsync"/> and stopped in <see cref="StopAsync"/>), the session table and a sweeper that drops silent sessions.
/// </summary>
internal sealed partial class Tr069Engine(Tr069Config config, Tr069Services services, string name) : IDmEngine
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly AcsSessionTable _sessions = new(services.Time, config.SessionTimeout);
    private readonly AcsCounters _counters = new();
    private WebApplication? _app;
    private AcsLoad? _load;
    private Task _sweeper = Task.CompletedTask;
    private string? _listen;
    private volatile bool _running;
    private XmppConnectionRequestChannel? _xmpp;
    private IDisposable? _wakerRegistration;
    private readonly HttpConnectionRequestChannel _http =
        new(config.ConnectionRequest ?? ConnectionRequestOptions.Default, services.Loggers.CreateLogger<HttpConnectionRequestChannel>());

    /// <summary>The ways this engine sends connection requests: HTTP (TR-069 §3.2.2), and XMPP (Annex K) when configured.</summary>
    internal IReadOnlyList<IConnectionRequestChannel> ConnectionRequestChannels => _xmpp is { } xmpp ? [_http, xmpp] : [_http];

    /// <summary>The engine's name, <c>alias#index</c>.</summary>
    internal string Name => name;

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
                ["authFailures"] = Interlocked.Read(ref _counters.AuthFailures).ToString(CultureInfo.InvariantCulture),
                ["cpeAuth"] = Qdms.Core.CpeAuth.CpeAuthModes.ToName(config.CpeAuth),
                ["sessionsShed"] = Interlocked.Read(ref _counters.SessionsShed).ToString(CultureInfo.InvariantCulture),
            };
            AcsLoadStatus.Add(details, _load);
            if (_running && _listen is not null)
            {
                details["listen"] = _listen;
                details["boundPort"] = _listen[(_listen.LastIndexOf(':') + 1)..].TrimEnd('/');
            }

            if (_xmpp is { } xmpp)
            {
                details["xmpp"] = xmpp.Status;
            }

            return new EngineStatus(_running ? EngineState.Active : EngineState.Inactive, details, null);
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(services.Loggers);
        var gate = await Auth.CpeGate.CreateAsync(config, services, _counters, ct);
        var certificate = config.Certificate is { } c ? Auth.CpeTls.Load(c) : null;
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(config.Address, config.Port, listen => Auth.CpeTls.UseHttpsWhen(listen, certificate));
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = config.MaxBodyBytes;
        });
        var app = builder.Build();
        var load = new AcsLoad(config, services.Contacts, services.Loggers.CreateLogger<AcsLoad>());
        var handler = new AcsHandler(config, services, _sessions, _counters, services.Loggers.CreateLogger<AcsHandler>(), gate, load);
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
        _xmpp = config.Xmpp is { } xmpp ? XmppConnectionRequestChannel.Start(xmpp, services.Loggers.CreateLogger<XmppConnectionRequestChannel>(), services.Time) : null;
        services.Engines.Add(this);
        _wakerRegistration = services.Wakers.Register(ConnectionRequestWaker());
        Tr069Log.Started(services.Loggers.CreateLogger<Tr069Engine>(), name, _listen ?? "?");
        Auth.CpeTls.LogHttps(services.Loggers.CreateLogger<Tr069Engine>(), name, certificate);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        _running = false;
        _wakerRegistration?.Dispose();
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await _sweeper;
        services.Engines.Remove(this);
        if (Interlocked.Exchange(ref _xmpp, null) is { } xmpp)
        {
            await xmpp.DisposeAsync();
        }

        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(ct);
            await app.DisposeAsync();
        }

        foreach (var channel in ConnectionRequestChannels.OfType<IDisposable>())
        {
            channel.Dispose();
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

                await handler.SweepTransfersAsync(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
