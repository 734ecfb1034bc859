using Qdms.Client;
using Qdms.Contracts;
using Qdms.Server.Tests.Support;
using Qdms.Tools.CpeSim;

namespace Qdms.Server.Tests.Tr069;

/// <summary>
/// A tr069 engine with connection request credentials, and one <see cref="ConnectionRequestListener"/> for its simulated CPEs.
/// Disposing stops the engine, so the next test's engine is the only one that can wake devices.
/// </summary>
internal sealed class ConnectionRequestRig : IAsyncDisposable
{
    public const string Username = "acs-cr";
    public const string Password = "cr-secret-1";

    private ConnectionRequestRig(AcsUnderTest acs, ConnectionRequestListener listener)
    {
        Acs = acs;
        Listener = listener;
    }

    public AcsUnderTest Acs { get; }

    public ConnectionRequestListener Listener { get; }

    public QdmsClient Admin => Acs.Admin;

    public static async Task<ConnectionRequestRig> StartAsync(QdmsAppFactory app, object? config = null)
    {
        var settings = new Dictionary<string, object> { ["connectionRequestUsername"] = Username, ["connectionRequestPassword"] = Password };
        if (config is not null)
        {
            foreach (var p in System.Text.Json.JsonSerializer.SerializeToElement(config).EnumerateObject())
            {
                settings[p.Name] = p.Value;
            }
        }

        return new ConnectionRequestRig(await AcsUnderTest.StartAsync(app, settings), ConnectionRequestListener.Start());
    }

    /// <summary>
    /// A CPE that checks connection requests as <paramref name="auth"/> says against <paramref name="password"/>, listening here,
    /// booted into the inventory.
    /// </summary>
    public async Task<(SimulatedCpe Cpe, DeviceDto Device)> BootedCpeAsync(
        CpeConnectionRequestAuth auth = CpeConnectionRequestAuth.Digest, string password = Password, bool listen = true)
    {
        var cpe = Acs.Cpe(new CpeOptions(Acs.Url, ConnectionRequestAuth: auth));
        cpe.Model.Find("Device.ManagementServer.ConnectionRequestUsername")!.Value = Username;
        cpe.Model.Find("Device.ManagementServer.ConnectionRequestPassword")!.Value = password;
        if (listen)
        {
            Listener.Register(cpe);
        }

        Assert.True(Assert.Single(await cpe.BootAsync(default)).Completed);
        return (cpe, await Acs.DeviceOfAsync(cpe));
    }

    public async ValueTask DisposeAsync()
    {
        await Admin.StopEngineAsync("tr069", Acs.Index);
        await Listener.DisposeAsync();
        Acs.Dispose();
    }
}
