using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class DashboardTests(PortalFixture portal)
{
    [Fact]
    public async Task The_figures_match_the_api_and_each_opens_the_list_filtered_to_it()
    {
        var acme = await portal.Server.ClientAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var summary = await acme.GetDeviceAggregatesAsync();
        Assert.Equal(PortalFixture.AcmeDevices, summary.Total);

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await Expect(page.Locator("[data-test=tile-total] [data-test=tile-value]")).ToHaveTextAsync(N(summary.Total));

        var models = page.Locator("[data-test=chart-model] [data-test=figure]");
        await Expect(models).ToHaveCountAsync(summary.ByModel.Count);
        for (var i = 0; i < summary.ByModel.Count; i++)
        {
            await Expect(models.Nth(i)).ToHaveTextAsync($"{summary.ByModel[i].Key}{N(summary.ByModel[i].Count)}");
        }

        await Expect(page.Locator("[data-test=chart-firmware] [data-test=figure]")).ToHaveCountAsync(summary.ByFirmwareVersion.Count);
        await Expect(page.Locator("[data-test=chart-protocol] [data-test=figure]")).ToHaveTextAsync([$"tr069{N(summary.ByProtocol[0].Count)}"]);
        await Expect(page.Locator("[data-test=chart-model] canvas")).ToBeVisibleAsync(); // ECharts drew the chart

        // The second model's figure opens the device list filtered to that model, with the same count.
        var second = summary.ByModel[1];
        await models.Nth(1).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/devices\\?model={Regex.Escape(second.Key!)}$"));
        await Expect(page.Locator("[data-test=range]")).ToHaveTextAsync($"1–50 of {N(second.Count)}");
        await Expect(page.Locator("[data-test=device-row]").First).ToContainTextAsync(second.Key!);

        await page.GoBackAsync();
        var firmware = summary.ByFirmwareVersion[0];
        await page.Locator("[data-test=chart-firmware] [data-test=figure]").First.ClickAsync();
        await Expect(page.Locator("[data-test=range]")).ToHaveTextAsync($"1–50 of {N(firmware.Count)}");
    }

    [Fact]
    public async Task The_dashboard_shows_engines_and_recent_events_panels_without_errors()
    {
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var engines = await portal.Admin.ListEnginesAsync();
        var panel = tab.Page.Locator("[data-test=engines-panel]");
        if (engines.Count == 0)
        {
            await Expect(panel).ToContainTextAsync("No engines configured.");
        }
        else
        {
            await Expect(panel.Locator("[data-test=engine-row]")).ToHaveCountAsync(engines.Count);
        }

        await Expect(tab.Page.Locator("[data-test=events-panel] [data-test=loading]")).ToHaveCountAsync(0);
        await Expect(tab.Page.Locator("[data-test=tile-total] [data-test=tile-value]"))
            .ToHaveTextAsync(N((await portal.Admin.GetDeviceAggregatesAsync()).Total));
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
