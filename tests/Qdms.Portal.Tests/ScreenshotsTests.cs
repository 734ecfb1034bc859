using System.Text.Json;
using Microsoft.Playwright;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using Qdms.Testing;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>
/// The main pages at 1280×800, each fully loaded (no skeleton, no error state) and captured. <c>bash portal/screenshots.sh</c>
/// runs this with <c>QDMS_SCREENSHOTS_DIR=docs/screenshots</c> to refresh the README's pictures; otherwise they go to a temp dir.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ScreenshotsTests(PortalFixture portal)
{
    [Fact]
    public async Task The_main_pages_render_completely_at_1280x800()
    {
        using var acs = await SimulatedAcs.StartAsync(portal.Admin);
        var cpe = acs.Cpe();
        await cpe.BootAsync(CancellationToken.None);
        var device = Assert.Single((await portal.Admin.ListDevicesAsync(q: cpe.Serial)).Items);
        await portal.Admin.CreateTaskAsync(device.Id, new CreateTaskRequest("refresh"));
        await portal.Admin.CreateTaskAsync(device.Id, new CreateTaskRequest("set",
            JsonSerializer.SerializeToElement(new { values = new Dictionary<string, string> { ["Device.WiFi.SSID.1.SSID"] = "lab-5g" } })));
        await cpe.PeriodicInformAsync(CancellationToken.None);

        await using var tab = await portal.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User name").FillAsync("admin");
        await Screenshots.ShotAsync(page, "sign-in");

        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        await Expect(page.Locator("[data-test=chart-firmware] canvas")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=loading]")).ToHaveCountAsync(0);
        await Screenshots.ShotAsync(page, "dashboard");

        await page.GotoAsync("/devices?model=GW-200");
        await Expect(page.Locator("[data-test=device-row]")).ToHaveCountAsync(50);
        await Screenshots.ShotAsync(page, "devices");

        await page.GotoAsync($"/devices/{device.Id}");
        foreach (var node in new[] { "Device.WiFi.", "Device.WiFi.SSID.", "Device.WiFi.SSID.1." })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Expand {node}", Exact = true }).ClickAsync();
        }

        await Expect(page.Locator("[data-path='Device.WiFi.SSID.1.SSID'] [data-test=param-value]")).ToHaveTextAsync("lab-5g");
        await Screenshots.ShotAsync(page, "device");

        await page.GotoAsync("/engines");
        await Expect(page.Locator("[data-test=engine-row]").First).ToBeVisibleAsync();
        await Screenshots.ShotAsync(page, "engines");
    }
}
