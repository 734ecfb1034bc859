using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Qdms.Client;
using Qdms.Contracts;

namespace Qdms.Portal.Tests.Support;

/// <summary>
/// One server process with data and one headless Chromium for every portal test: two tenants (Acme with
/// <see cref="AcmeDevices"/> devices and an operator, Globex with a few devices and an admin) and the built portal.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string AcmeOperator = "acme-op";
    public const string GlobexAdmin = "globex-admin";
    public const string UserPassword = "user-pass-123";
    public const int AcmeDevices = 1500;
    public const int GlobexDevices = 12;

    /// <summary>Models and firmware versions the seeded devices cycle through (unequal shares, so the charts differ).</summary>
    public static readonly string[] Models = ["GW-100", "GW-100", "GW-100", "GW-200", "GW-200", "AP-7"];
    public static readonly string[] Firmware = ["1.0.3", "1.1.0", "1.1.0", "2.0.0"];

    private IPlaywright? _playwright;

    public ServerUnderTest Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public QdmsClient Admin { get; private set; } = null!;

    public TenantDto Acme { get; private set; } = null!;

    public TenantDto Globex { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await PortalBuild.EnsureAsync();
        Server = await ServerUnderTest.StartAsync();
        Admin = await Server.ClientAsync();
        Acme = await Admin.CreateTenantAsync(new CreateTenantRequest("acme", "Acme Networks"));
        Globex = await Admin.CreateTenantAsync(new CreateTenantRequest("globex", "Globex"));
        await Admin.CreateUserAsync(new CreateUserRequest(AcmeOperator, UserPassword, "operator", Acme.Id));
        await Admin.CreateUserAsync(new CreateUserRequest(GlobexAdmin, UserPassword, "admin", Globex.Id));
        await Admin.ImportDevicesAsync(Csv("acme-gw", "00259E", AcmeDevices), Acme.Id);
        await Admin.ImportDevicesAsync(Csv("globex-secret", "00D09E", GlobexDevices), Globex.Id);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(ChromiumOptions());
    }

    /// <summary>Debian's Chromium, headless, with nothing reaching out to the network.</summary>
    public static BrowserTypeLaunchOptions ChromiumOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("QDMS_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
        ],
    };

    /// <summary>A fresh browser context (its own storage, so its own session) and page at 1280×800.</summary>
    public Task<PortalPage> OpenAsync(int width = 1280, int height = 800) => PortalPage.OpenAsync(Browser, Server.BaseAddress, width, height);

    /// <summary><paramref name="count"/> devices named <c>{prefix}-0001</c>… with tr069 identities, in CSV import form.</summary>
    public static string Csv(string prefix, string oui, int count)
    {
        var csv = new StringBuilder("identities,name,manufacturer,model,serial,firmwareVersion,tags\n");
        for (var i = 1; i <= count; i++)
        {
            var n = i.ToString("D4", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture,
                $"tr069:{oui}-{prefix}-{n},{prefix}-{n},Example,{Models[i % Models.Length]},{prefix.ToUpperInvariant()}{n},{Firmware[i % Firmware.Length]},{prefix}\n");
        }

        return csv.ToString();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
