using System.Globalization;
using Microsoft.Playwright;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class DevicesTests(PortalFixture portal)
{
    [Fact]
    public async Task Search_finds_one_device_among_many_and_opens_it()
    {
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Devices" }).ClickAsync();
        await Expect(page.Locator("[data-test=range]")).ToHaveTextAsync($"1–50 of {PortalFixture.AcmeDevices.ToString("N0", CultureInfo.InvariantCulture)}");
        await Expect(page.Locator("[data-test=device-row]")).ToHaveCountAsync(50);

        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.Locator("[data-test=range]")).ToHaveTextAsync("51–100 of 1,500");

        await page.Locator("[data-test=search]").FillAsync("acme-gw-0777");
        await Expect(page.Locator("[data-test=device-row]")).ToHaveCountAsync(1);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/devices\\?q=acme-gw-0777$"));
        await page.Locator("[data-test=device-link]").ClickAsync();

        await Expect(page.Locator("[data-test=device-name]")).ToContainTextAsync("acme-gw-0777");
        await Expect(page.Locator("[data-test=identities]")).ToContainTextAsync("00259E-acme-gw-0777");
        await Expect(page.GetByText("No parameters stored yet")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_tenant_user_never_sees_another_tenants_device_in_the_list_or_by_its_address()
    {
        var secret = Assert.Single((await portal.Admin.ListDevicesAsync(q: "globex-secret-0003")).Items);

        await using var tab = await portal.OpenAsync();
        tab.ExpectFailedResponse(404); // the API's answer for another tenant's device
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        await tab.Page.GotoAsync("/devices?q=globex-secret");
        await Expect(tab.Page.Locator("[data-test=empty]")).ToHaveTextAsync("No device matches these filters.");

        await tab.Page.GotoAsync($"/devices/{secret.Id}");
        await Expect(tab.Page.Locator("[data-test=device-missing]")).ToBeVisibleAsync();
        await Expect(tab.Page.GetByText("globex-secret-0003")).ToHaveCountAsync(0);

        // The sysop sees it, with its tenant.
        await using var admin = await portal.OpenAsync();
        await admin.SignInAsync("admin", ServerUnderTest.AdminPassword);
        await admin.Page.GotoAsync("/devices?q=globex-secret-0003");
        await Expect(admin.Page.Locator("[data-test=device-row]")).ToHaveCountAsync(1);
        await Expect(admin.Page.Locator("[data-test=device-row]")).ToContainTextAsync("Globex");
    }

    [Fact]
    public async Task The_device_list_fits_a_phone_screen()
    {
        await using var tab = await portal.OpenAsync(390, 844);
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        await tab.Page.GotoAsync("/devices?model=AP-7");
        await Expect(tab.Page.Locator("[data-test=device-row]")).ToHaveCountAsync(50);
        var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone's screen");
    }
}
