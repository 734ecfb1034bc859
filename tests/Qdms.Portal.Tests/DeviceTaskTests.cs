using Microsoft.Playwright;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>Tasks queued from the device page run on a simulated CPE (tools/Qdms.Tools.CpeSim) through a real tr069 engine.</summary>
[Collection(PortalCollection.Name)]
public sealed class DeviceTaskTests(PortalFixture portal)
{
    [Fact]
    public async Task A_refresh_then_a_set_value_queued_in_the_page_complete_on_the_cpe_and_the_page_shows_it()
    {
        using var acs = await SimulatedAcs.StartAsync(portal.Admin);
        var cpe = acs.Cpe();
        await cpe.BootAsync(CancellationToken.None);
        var device = Assert.Single((await portal.Admin.ListDevicesAsync(q: cpe.Serial)).Items);

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var page = tab.Page;
        await page.GotoAsync("/devices");
        await page.Locator("[data-test=search]").FillAsync(cpe.Serial);
        await Expect(page.Locator("[data-test=device-row]")).ToHaveCountAsync(1);
        await page.Locator("[data-test=device-link]").ClickAsync();
        await Expect(page.Locator("[data-test=device-name]")).ToContainTextAsync(device.Name);

        // Refresh: queued in the page, run at the CPE's next session, and the page sees it finish by itself.
        await page.Locator("[data-test=action-refresh]").ClickAsync();
        await Expect(page.Locator("[data-test=action-notice]")).ToContainTextAsync("Queued a parameter refresh");
        var refreshRow = page.Locator("[data-test=task-row]").First;
        await Expect(refreshRow).ToContainTextAsync("refresh");
        await Expect(refreshRow.Locator("[data-test=badge]")).ToHaveTextAsync("queued");
        await cpe.PeriodicInformAsync(CancellationToken.None);
        await Expect(refreshRow.Locator("[data-test=badge]")).ToHaveTextAsync("done");

        // The parameter tree: open Device. → WiFi. → SSID. → 1. and set SSID.
        await page.Locator("[data-test=tab-parameters]").ClickAsync();
        foreach (var node in new[] { "Device.WiFi.", "Device.WiFi.SSID.", "Device.WiFi.SSID.1." })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Expand {node}", Exact = true }).ClickAsync();
        }

        var ssid = page.Locator("[data-path='Device.WiFi.SSID.1.SSID']");
        await Expect(ssid.Locator("[data-test=param-value]")).ToHaveTextAsync(cpe.Model.ValueOf("Device.WiFi.SSID.1.SSID")!);
        await Expect(ssid).ToContainTextAsync("rw");
        await ssid.Locator("[data-test=param-set]").ClickAsync();
        await ssid.Locator("[data-test=param-input]").FillAsync("garden-portal");
        await ssid.Locator("[data-test=param-queue]").ClickAsync();
        await Expect(page.Locator("[data-test=action-notice]")).ToContainTextAsync("Queued set Device.WiFi.SSID.1.SSID");
        var setRow = page.Locator("[data-test=task-row]").First;
        await Expect(setRow).ToContainTextAsync("set");
        await Expect(setRow.Locator("[data-test=badge]")).ToHaveTextAsync("queued");

        await cpe.PeriodicInformAsync(CancellationToken.None);
        await Expect(setRow.Locator("[data-test=badge]")).ToHaveTextAsync("done");
        Assert.Equal("garden-portal", cpe.Model.ValueOf("Device.WiFi.SSID.1.SSID"));

        await page.Locator("[data-test=tab-parameters]").ClickAsync();
        await page.Locator("[data-test=param-filter]").FillAsync("SSID.1.SSID");
        await Expect(page.Locator("[data-path='Device.WiFi.SSID.1.SSID'] [data-test=param-value]")).ToHaveTextAsync("garden-portal");
    }

    [Fact]
    public async Task A_reboot_needs_a_confirmation_and_a_viewer_sees_no_actions()
    {
        var device = Assert.Single((await portal.Admin.ListDevicesAsync(q: "acme-gw-0042")).Items);
        await using (var tab = await portal.OpenAsync())
        {
            await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
            await tab.Page.GotoAsync($"/devices/{device.Id}");
            await tab.Page.Locator("[data-test=action-reboot]").ClickAsync();
            await tab.Page.Locator("[data-test=confirm-reboot]").ClickAsync();
            await Expect(tab.Page.Locator("[data-test=task-row]")).ToHaveCountAsync(1);
            await Expect(tab.Page.Locator("[data-test=task-row] [data-test=badge]")).ToHaveTextAsync("queued");
        }

        Assert.Equal(["reboot"], (await portal.Admin.ListTasksAsync(device.Id)).Select(t => t.Kind));

        var viewer = "acme-viewer-" + Guid.NewGuid().ToString("N")[..6];
        await portal.Admin.CreateUserAsync(new Qdms.Contracts.CreateUserRequest(viewer, PortalFixture.UserPassword, "viewer", portal.Acme.Id));
        await using var view = await portal.OpenAsync();
        await view.SignInAsync(viewer, PortalFixture.UserPassword);
        await view.Page.GotoAsync($"/devices/{device.Id}");
        await Expect(view.Page.Locator("[data-test=device-name]")).ToContainTextAsync("acme-gw-0042");
        await Expect(view.Page.Locator("[data-test=actions]")).ToHaveCountAsync(0);
    }
}
