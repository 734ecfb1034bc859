using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>
/// The portal's quality bar on its pages: a phone-width screen, the keyboard alone, and the designed empty, loading and
/// error states (a failed action says why).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class QualityTests(PortalFixture portal)
{
    [Fact]
    public async Task Every_page_fits_a_phone_screen_without_scrolling_sideways()
    {
        await using var tab = await portal.OpenAsync(Layout.PhoneWidth, Layout.PhoneHeight);
        var page = tab.Page;
        await page.GotoAsync("/sign-in");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Layout.AssertNoHorizontalOverflowAsync(page);

        // The sysop: every tenant, so the widest tables (the tenant column) and every navigation entry.
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        await Expect(page.Locator("[data-test=tile-total] [data-test=tile-value]")).Not.ToHaveTextAsync("0");
        await Expect(page.Locator("[data-test=chart-model] canvas")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=engines-panel] [data-test=loading]")).ToHaveCountAsync(0);
        await Layout.AssertNoHorizontalOverflowAsync(page);

        await page.GotoAsync("/devices");
        await Expect(page.Locator("[data-test=device-row]")).ToHaveCountAsync(50);
        await Layout.AssertNoHorizontalOverflowAsync(page);

        await page.Locator("[data-test=device-link]").First.ClickAsync();
        await Expect(page.Locator("[data-test=device-name]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=identities]")).ToBeVisibleAsync();
        await Layout.AssertNoHorizontalOverflowAsync(page);
        foreach (var name in new[] { "tasks", "events" })
        {
            await page.Locator($"[data-test=tab-{name}]").ClickAsync();
            await Expect(page.Locator("[role=tabpanel] [data-test=loading]")).ToHaveCountAsync(0);
            await Layout.AssertNoHorizontalOverflowAsync(page);
        }

        await page.GotoAsync("/engines");
        await Expect(page.Locator("[data-test=service-state]")).ToHaveTextAsync("running");
        await Expect(page.Locator("[data-test=engine-table], [data-test=empty]").First).ToBeVisibleAsync();
        await Layout.AssertNoHorizontalOverflowAsync(page);
        await page.Locator("[data-test=service-stop]").ClickAsync(); // the confirmation's sentence, not the action
        await Layout.AssertNoHorizontalOverflowAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.Locator("[data-test=service-state]")).ToHaveTextAsync("running");
    }

    [Theory]
    [InlineData("/files")]
    [InlineData("/qos")]
    [InlineData("/scenarios")]
    [InlineData("/scenarios/new")]
    [InlineData("/provisioning")]
    [InlineData("/provisioning?rule=new")]
    [InlineData("/snmp")]
    [InlineData("/users")]
    [InlineData("/tenants")]
    [InlineData("/tokens")]
    [InlineData("/audit")]
    public async Task Each_admin_and_tool_page_fits_a_phone_screen_once_loaded(string path)
    {
        await using var tab = await portal.OpenAsync(Layout.PhoneWidth, Layout.PhoneHeight);
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        await tab.Page.GotoAsync(path);
        await Expect(tab.Page.Locator("main h1").First).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("[data-test=loading]")).ToHaveCountAsync(0);
        await Expect(tab.Page.Locator("[data-test=error]")).ToHaveCountAsync(0);
        await Layout.AssertNoHorizontalOverflowAsync(tab.Page);
    }

    [Fact]
    public async Task The_devices_page_is_usable_by_keyboard_alone_from_the_top_to_a_device()
    {
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GotoAsync("/devices");
        await Expect(page.Locator("[data-test=device-row]")).ToHaveCountAsync(50);

        // From the top of the page, Tab alone reaches the first device's link (skip link, header, filters, then the table).
        await page.EvaluateAsync("() => (document.activeElement instanceof HTMLElement) && document.activeElement.blur()");
        string? focused = null;
        for (var presses = 0; presses < 80 && focused != "device-link"; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('data-test') ?? null");
        }

        Assert.Equal("device-link", focused);
        var name = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        // Focus is visible: the :focus-visible outline is drawn.
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));

        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(DeviceAddress());
        await Expect(page.Locator("[data-test=device-name]")).ToContainTextAsync(name);
    }

    [Fact]
    public async Task A_failed_action_shows_the_reason_the_API_gave()
    {
        var device = await portal.Admin.CreateDeviceAsync(new CreateDeviceRequest(
            [new DeviceIdentityDto("tr069", "quality-" + Guid.NewGuid().ToString("N")[..8])], TenantId: portal.Acme.Id));
        await using var tab = await portal.OpenAsync();
        tab.ExpectFailedResponse(404);
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        await tab.Page.GotoAsync($"/devices/{device.Id}");
        await Expect(tab.Page.Locator("[data-test=device-name]")).ToContainTextAsync(device.Name);

        // The device goes away while its page is open: the action fails, and the page says what the API said.
        await portal.Admin.DeleteDeviceAsync(device.Id);
        var refused = await Assert.ThrowsAsync<QdmsApiException>(() => portal.Admin.CreateTaskAsync(device.Id, new CreateTaskRequest("refresh")));
        Assert.Equal(404, refused.Status);
        await tab.Page.Locator("[data-test=action-refresh]").ClickAsync();
        await Expect(tab.Page.Locator("[data-test=action-error]")).ToHaveTextAsync($"Could not queue a parameter refresh: {refused.Message}");
        await Expect(tab.Page.Locator("[data-test=action-error]")).ToHaveAttributeAsync("role", "alert");
    }

    [Fact]
    public async Task The_dashboard_shows_why_it_could_not_load_retries_and_says_when_there_are_no_devices()
    {
        await using var tab = await portal.OpenAsync();
        tab.ExpectFailedResponse(503);
        var page = tab.Page;
        // The server fails the summary once (a failure path: the only place these tests stand in for the server).
        await page.RouteAsync("**/api/v1/devices/summary*", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 503,
            ContentType = "application/problem+json",
            Body = """{ "status": 503, "title": "Service Unavailable", "detail": "The database is not reachable." }""",
        }));
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        await Expect(page.Locator("[data-test=error]")).ToHaveTextAsync("The database is not reachable.");
        await page.UnrouteAllAsync(new PageUnrouteAllOptions { Behavior = UnrouteBehavior.Wait });
        await page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(page.Locator("[data-test=tile-total] [data-test=tile-value]"))
            .ToHaveTextAsync(PortalFixture.AcmeDevices.ToString("N0", CultureInfo.InvariantCulture));

        // A tenant of its own with no devices: the dashboard says so, and how devices arrive.
        var unique = Guid.NewGuid().ToString("N")[..8];
        var tenant = await portal.Admin.CreateTenantAsync(new CreateTenantRequest("empty-" + unique, "Empty " + unique));
        await portal.Admin.CreateUserAsync(new CreateUserRequest("empty-" + unique, PortalFixture.UserPassword, "viewer", tenant.Id));
        await using var empty = await portal.OpenAsync();
        await empty.SignInAsync("empty-" + unique, PortalFixture.UserPassword);
        await Expect(empty.Page.Locator("[data-test=no-devices]")).ToContainTextAsync("No devices yet.");
        await Expect(empty.Page.Locator("[data-test=tile-total] [data-test=tile-value]")).ToHaveTextAsync("0");
    }

    [GeneratedRegex(@"/devices/\d+$")]
    private static partial Regex DeviceAddress();
}
