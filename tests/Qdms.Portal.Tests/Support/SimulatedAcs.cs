using System.Globalization;
using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Tools.CpeSim;

namespace Qdms.Portal.Tests.Support;

/// <summary>A tr069 engine added and started through the API on a free loopback port, and simulated CPEs (tools/Qdms.Tools.CpeSim) pointed at it.</summary>
public sealed class SimulatedAcs : IDisposable
{
    private readonly List<CpeFleet> _fleets = [];

    private SimulatedAcs(Uri url)
    {
        Url = url;
    }

    public Uri Url { get; }

    public static Task<SimulatedAcs> StartAsync(QdmsClient admin) => StartAsync(admin, new Uri("http://localhost"));

    /// <summary>As <see cref="StartAsync(QdmsClient)"/>, handing CPEs download URLs under <paramref name="fileBaseUrl"/> (the server's own address, so Download tasks can complete).</summary>
    public static async Task<SimulatedAcs> StartAsync(QdmsClient admin, Uri fileBaseUrl)
    {
        var config = JsonSerializer.SerializeToElement(new { address = "127.0.0.1", port = 0, fileBaseUrl = fileBaseUrl.GetLeftPart(UriPartial.Authority), cpeAuth = "none" });
        var added = await admin.AddEngineAsync(new AddEngineRequest("tr069", "acs-" + Guid.NewGuid().ToString("N")[..8], config));
        var started = Assert.Single(await admin.StartEngineAsync("tr069", added.Index));
        Assert.True(started.State == "active", $"the tr069 engine did not start: {started.LastError}");
        return new SimulatedAcs(new Uri($"http://127.0.0.1:{int.Parse(started.Details["boundPort"], CultureInfo.InvariantCulture)}/"));
    }

    /// <summary>A CPE with the TR-181 gateway model and a unique serial (not booted yet).</summary>
    public SimulatedCpe Cpe()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Models", "tr181-gateway.model"));
        var fleet = new CpeFleet(1, "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), serial => DataModel.Parse(lines, serial), new CpeOptions(Url));
        _fleets.Add(fleet);
        return fleet.Cpes[0];
    }

    public void Dispose()
    {
        foreach (var fleet in _fleets)
        {
            fleet.Dispose();
        }
    }
}
