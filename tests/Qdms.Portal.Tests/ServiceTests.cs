using System.Text.Json;
using Microsoft.Playwright;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>IF-01 in the portal: the service report and start/stop of the whole service on the engines page.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ServiceTests(PortalFixture portal)
{
    [Fact]
    public async Task A_sysop_stops_the_service_sees_its_engines_stop_and_starts_it_again()
    {
        var alias = "svc-" + Guid.NewGuid().ToString("N")[..6];
        await portal.Admin.AddEngineAsync(new AddEngineRequest("echo", alias, JsonSerializer.SerializeToElement(new { host = "127.0.0.1", port = 0 })));
        var engine = (await portal.Admin.ListEnginesAsync()).Single(e => e.Alias == alias);
        await portal.Admin.StartEngineAsync("echo", engine.Index);
        try
        {
            await using var tab = await portal.OpenAsync();
            await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
            var page = tab.Page;
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Engines" }).ClickAsync();
            var panel = page.Locator("[data-test=service-panel]");
            var row = page.Locator($"[data-engine='echo/{alias}']");
            await Expect(panel.Locator("[data-test=service-state]")).ToHaveTextAsync("running");
            await Expect(panel.Locator("[data-test=service-engines]")).ToContainTextAsync("active");
            await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("active");

            // Stopping is confirmed first; Cancel changes nothing.
            await panel.Locator("[data-test=service-stop]").ClickAsync();
            await panel.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(panel.Locator("[data-test=service-state]")).ToHaveTextAsync("running");
            await panel.Locator("[data-test=service-stop]").ClickAsync();
            await panel.Locator("[data-test=service-confirm]").ClickAsync();
            await Expect(panel.Locator("[data-test=service-message]")).ToHaveTextAsync("The service is stopped.");
            await Expect(panel.Locator("[data-test=service-state]")).ToHaveTextAsync("stopped");
            await Expect(panel.Locator("[data-test=service-uptime]")).ToHaveTextAsync("—");
            await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("inactive");
            var stopped = await portal.Admin.ServiceReportAsync();
            Assert.Equal("stopped", stopped.State);
            Assert.Equal("inactive", stopped.Engines.Single(e => e.Alias == alias).State);
            Assert.Equal("running", stopped.Engines.Single(e => e.Alias == alias).DesiredState);

            await panel.Locator("[data-test=service-start]").ClickAsync();
            await panel.Locator("[data-test=service-confirm]").ClickAsync();
            await Expect(panel.Locator("[data-test=service-state]")).ToHaveTextAsync("running");
            await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("active");
            var running = await portal.Admin.ServiceReportAsync();
            Assert.Equal("running", running.State);
            Assert.Equal("active", running.Engines.Single(e => e.Alias == alias).State);
        }
        finally
        {
            await portal.Admin.StartServiceAsync(); // idempotent: whatever happened above, the service runs again
            await portal.Admin.StopEngineAsync("echo", engine.Index);
            await portal.Admin.RemoveEngineAsync("echo", alias);
        }
    }

    [Fact]
    public async Task A_tenant_user_sees_the_service_report_but_no_start_or_stop()
    {
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        await tab.Page.GotoAsync("/engines");
        var panel = tab.Page.Locator("[data-test=service-panel]");
        await Expect(panel.Locator("[data-test=service-state]")).ToHaveTextAsync("running");
        await Expect(panel.GetByText(PortalFixture.AcmeDevices.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))).ToBeVisibleAsync();
        await Expect(panel.Locator("[data-test=service-stop], [data-test=service-start]")).ToHaveCountAsync(0);
    }
}
