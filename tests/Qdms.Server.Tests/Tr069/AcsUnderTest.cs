using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;
using Qdms.Tools.CpeSim;

namespace Qdms.Server.Tests.Tr069;

/// <summary>A tr069 engine started through the API on a free loopback port, and simulated CPEs pointed at it.</summary>
internal sealed class AcsUnderTest : IDisposable
{
    private readonly List<CpeFleet> _fleets = [];
    private readonly HttpClient _downloads;

    private AcsUnderTest(QdmsAppFactory app, QdmsClient admin, int index, int port)
    {
        Admin = admin;
        Index = index;
        Url = new Uri($"http://127.0.0.1:{port}/");
        _downloads = app.CreateClient(); // the file repository's /files route of the in-process server
    }

    public QdmsClient Admin { get; }

    public int Index { get; }

    public Uri Url { get; }

    public static string ModelPath => Path.Combine(AppContext.BaseDirectory, "Models", "tr181-gateway.model");

    /// <summary>Adds and starts a tr069 engine; <paramref name="config"/> overrides the test defaults.</summary>
    public static async Task<AcsUnderTest> StartAsync(QdmsAppFactory app, object? config = null)
    {
        var admin = await app.AdminAsync();
        var settings = new Dictionary<string, object> { ["address"] = "127.0.0.1", ["port"] = 0, ["fileBaseUrl"] = "http://localhost", ["cpeAuth"] = "none" };
        if (config is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(config).EnumerateObject())
            {
                settings[p.Name] = p.Value;
            }
        }

        var added = await admin.AddEngineAsync(new AddEngineRequest("tr069", "acs-" + Guid.NewGuid().ToString("N")[..8], JsonSerializer.SerializeToElement(settings)));
        var started = Assert.Single(await admin.StartEngineAsync("tr069", added.Index));
        Assert.True(started.State == "active", $"the engine did not start: {started.LastError}");
        return new AcsUnderTest(app, admin, added.Index, int.Parse(started.Details["boundPort"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One simulated CPE with a unique serial.</summary>
    public SimulatedCpe Cpe(CpeOptions? options = null) => Fleet(1, options).Cpes[0];

    public CpeFleet Fleet(int count, CpeOptions? options = null)
    {
        var lines = File.ReadAllLines(ModelPath);
        var fleet = new CpeFleet(count, "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), serial => DataModel.Parse(lines, serial),
            options ?? new CpeOptions(Url), _downloads);
        _fleets.Add(fleet);
        return fleet;
    }

    /// <summary>The inventory's device for a CPE (found by its serial).</summary>
    public async Task<DeviceDto> DeviceOfAsync(SimulatedCpe cpe)
    {
        var page = await Admin.ListDevicesAsync(q: cpe.Serial);
        return Assert.Single(page.Items);
    }

    public async Task<DeviceTaskDto> TaskAsync(DeviceDto device, string kind, object? arguments = null) =>
        await Admin.CreateTaskAsync(device.Id, new CreateTaskRequest(kind, arguments is null ? null : JsonSerializer.SerializeToElement(arguments)));

    /// <summary>
    /// Stops the engine (so engines of earlier tests sharing the app neither keep ports nor claim devices for connection
    /// requests) and disposes the simulated CPEs.
    /// </summary>
    public void Dispose()
    {
        Admin.StopEngineAsync("tr069", Index).GetAwaiter().GetResult();
        foreach (var fleet in _fleets)
        {
            fleet.Dispose();
        }

        _downloads.Dispose();
    }
}
