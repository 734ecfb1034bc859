using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>
/// The QoS page, the device charts and the dashboard's QoS panel against a server whose evaluator really measures devices
/// (ping and simulated device agents with known loads: <see cref="QosPortalServer"/>).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class QosTests(PortalFixture portal, QosPortalServer qos) : IClassFixture<QosPortalServer>
{
    private const string RankCpuAndMemory = "/qos?set=tag&tag=qos-rack&m=CPU_TOTAL_LOAD_MEAN,MEMORY_USED_MEAN&w=1,1&window=300";

    [Fact]
    public async Task A_tag_ranks_in_the_page_as_the_api_ranks_it_with_the_breakdown_and_new_weights_change_the_order()
    {
        await using var tab = await OpenAsync(QosPortalServer.EastUser);
        var page = tab.Page;
        var east = await qos.Server.ClientAsync(QosPortalServer.EastUser, QosPortalServer.Password);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "QoS" }).ClickAsync();
        await Expect(page.Locator("[data-test=qos-start]")).ToBeVisibleAsync();

        await page.Locator("[data-test=set-kind]").SelectOptionAsync("tag");
        await page.Locator("[data-test=set-tag]").FillAsync(QosPortalServer.RackTag);
        await page.Locator("[data-test=window]").SelectOptionAsync("300");
        foreach (var group in new[] { "RTT", "NETWORK_EGRESS_LOAD", "NETWORK_INGRESS_LOAD" })
        {
            await page.Locator($"[data-test=metric-{group}] [data-test=metric-on]").UncheckAsync();
        }

        await page.Locator("[data-test=rank]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(RankCpuAndMemory) + "$"));
        var equal = await east.RankQosAsync(new QosRankRequest(Group: QosPortalServer.RackTag, Metrics: ["CPU_TOTAL_LOAD_MEAN", "MEMORY_USED_MEAN"], Weights: [1, 1], Window: 300));
        await ExpectRankingAsync(page, equal);
        Assert.Equal(Ids("qos-bravo", "qos-alpha", "qos-charlie"), equal.Devices.Select(d => d.DeviceId)); // 35, 45, 70

        await page.Locator("[data-test=metric-CPU_TOTAL_LOAD] [data-test=metric-weight]").FillAsync("3");
        await page.Locator("[data-test=rank]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("&w=3,1&"));
        var cpuFirst = await east.RankQosAsync(new QosRankRequest(Group: QosPortalServer.RackTag, Metrics: ["CPU_TOTAL_LOAD_MEAN", "MEMORY_USED_MEAN"], Weights: [3, 1], Window: 300));
        await ExpectRankingAsync(page, cpuFirst);
        Assert.Equal(Ids("qos-alpha", "qos-bravo", "qos-charlie"), cpuFirst.Devices.Select(d => d.DeviceId)); // 27.5, 42.5, 80
        await Expect(page.Locator("[data-test=qos-summary]")).ToContainTextAsync("×0.75");
        await Screenshots.ShotAsync(page, "qos");

        // The address is the request: a bookmark opens the same ranking with the form filled in.
        var bookmark = page.Url;
        await using var again = await OpenAsync(QosPortalServer.EastUser);
        await again.Page.GotoAsync(bookmark);
        await ExpectRankingAsync(again.Page, cpuFirst);
        await Expect(again.Page.Locator("[data-test=metric-CPU_TOTAL_LOAD] [data-test=metric-weight]")).ToHaveValueAsync("3");
        await Expect(again.Page.Locator("[data-test=metric-RTT] [data-test=metric-on]")).Not.ToBeCheckedAsync();
        await again.Page.Locator("[data-test=qos-device]").First.ClickAsync();
        await Expect(again.Page).ToHaveURLAsync(new Regex($"/devices/{Ids("qos-alpha")[0]}$"));
    }

    [Fact]
    public async Task The_form_says_what_is_wrong_before_asking_the_server()
    {
        await using var tab = await OpenAsync(QosPortalServer.EastUser);
        var page = tab.Page;
        await page.GotoAsync("/qos");

        await page.Locator("[data-test=set-kind]").SelectOptionAsync("ids");
        await page.Locator("[data-test=set-ids]").FillAsync("12, x");
        foreach (var group in new[] { "RTT", "CPU_TOTAL_LOAD", "MEMORY_USED", "NETWORK_EGRESS_LOAD", "NETWORK_INGRESS_LOAD" })
        {
            await page.Locator($"[data-test=metric-{group}] [data-test=metric-on]").UncheckAsync();
        }

        await page.Locator("[data-test=rank]").ClickAsync();
        await Expect(page.Locator("[data-test=error-set]")).ToHaveTextAsync("Device ids are positive whole numbers, separated by commas.");
        await Expect(page.Locator("[data-test=error-metrics]")).ToHaveTextAsync("Choose at least one metric.");

        await page.Locator("[data-test=metric-CPU_TOTAL_LOAD] [data-test=metric-on]").CheckAsync();
        await page.Locator("[data-test=metric-CPU_TOTAL_LOAD] [data-test=metric-weight]").FillAsync("0");
        await page.Locator("[data-test=rank]").ClickAsync();
        await Expect(page.Locator("[data-test=error-metrics]")).ToHaveTextAsync("At least one chosen metric needs a weight above 0.");
        await Expect(page).ToHaveURLAsync(new Regex("/qos$")); // nothing was asked
    }

    [Fact]
    public async Task A_tenant_user_ranks_only_its_own_devices_even_from_another_tenants_link()
    {
        await using var west = await OpenAsync(QosPortalServer.WestUser);
        await west.Page.GotoAsync(RankCpuAndMemory);
        await Expect(west.Page.Locator("[data-test=qos-row]")).ToHaveCountAsync(1);
        await Expect(west.Page.Locator("[data-test=qos-device]")).ToHaveTextAsync("qos-delta");
        await Expect(west.Page.GetByText("qos-alpha")).ToHaveCountAsync(0);

        await using var east = await OpenAsync(QosPortalServer.EastUser);
        await east.Page.GotoAsync("/qos?set=all&m=CPU_TOTAL_LOAD_MEAN&w=1");
        await Expect(east.Page.Locator("[data-test=qos-row]")).ToHaveCountAsync(4);
        await Expect(east.Page.Locator("[data-test=qos-device]")).ToHaveTextAsync(["qos-alpha", "qos-bravo", "qos-charlie", "qos-quiet"]);

        await using var sysop = await OpenAsync("admin", ServerUnderTest.AdminPassword);
        await sysop.Page.GotoAsync(RankCpuAndMemory);
        await Expect(sysop.Page.Locator("[data-test=qos-row]")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task A_devices_charts_show_its_measured_points_on_the_qos_page_and_on_the_device_page()
    {
        var alpha = qos.Devices["qos-alpha"];
        await using var tab = await OpenAsync(QosPortalServer.EastUser);
        var page = tab.Page;
        await page.GotoAsync(RankCpuAndMemory);
        await page.Locator($"[data-test=qos-row][data-device='{alpha.Id}'] [data-test=qos-charts-link]").ClickAsync();
        await Expect(page.Locator("[data-test=qos-device-name]")).ToHaveTextAsync("qos-alpha");

        var cpu = page.Locator("[data-test=qos-chart-cpu]");
        await Expect(cpu).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));
        var shown = int.Parse(await cpu.GetAttributeAsync("data-points") ?? "", CultureInfo.InvariantCulture);
        var stored = await qos.Admin.QosSeriesAsync(alpha.Id, "cpu_total_load", DateTimeOffset.UtcNow.AddHours(-1));
        Assert.InRange(shown, 1, stored.Count); // every point the page drew is a stored batch (more may have arrived since)
        await cpu.Locator("[data-test=toggle-table]").ClickAsync();
        await Expect(cpu.Locator("[data-test=data-row]")).ToHaveCountAsync(shown);
        await Expect(cpu.Locator("[data-test=data-row]").First).ToContainTextAsync("10 %"); // mean of the agent's 9 and 11
        await Expect(cpu.Locator("[data-test=data-row]").First).ToContainTextAsync("11 %"); // and its maximum
        await Expect(page.Locator("[data-test=qos-chart-rtt]")).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));
        await Expect(page.Locator("[data-test=qos-chart-network]")).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));

        await page.Locator("[data-test=range-24h]").ClickAsync();
        await Expect(page.Locator("[data-test=range-24h]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(cpu).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));
        await page.Locator("[data-test=range-custom]").ClickAsync();
        await page.Locator("[data-test=custom-range] input[name=from]").FillAsync("2026-01-02T10:00");
        await page.Locator("[data-test=custom-range] input[name=to]").FillAsync("2026-01-01T10:00");
        await page.Locator("[data-test=custom-range] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-test=range-error]")).ToHaveTextAsync("The start of the window must be before its end.");

        await page.GotoAsync($"/devices/{alpha.Id}");
        await page.Locator("[data-test=qos-toggle]").ClickAsync();
        var memory = page.Locator("[data-test=qos-chart-memory]");
        await Expect(memory).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));
        await memory.Locator("[data-test=toggle-table]").ClickAsync();
        await Expect(memory.Locator("[data-test=data-row]").First).ToContainTextAsync("80 %");
    }

    [Fact]
    public async Task A_device_without_measurements_says_how_they_arrive()
    {
        var quiet = qos.Devices["qos-quiet"];
        await using var tab = await OpenAsync(QosPortalServer.EastUser);
        var page = tab.Page;
        await page.GotoAsync($"/qos?set=ids&ids={quiet.Id}");
        await Expect(page.Locator("[data-test=qos-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=qos-score]")).ToHaveTextAsync("100.00");
        await Expect(page.Locator("[data-test=qos-no-data]")).ToContainTextAsync("This device has no measurements in the window, so it scores 100.");
        await Expect(page.Locator("[data-test=qos-no-data]")).ToContainTextAsync("qdms-agent");

        await page.GotoAsync($"/qos/devices/{quiet.Id}");
        await Expect(page.Locator("[data-test=empty]")).ToHaveTextAsync("No measurements of this device in this window.");
        await Expect(page.Locator("[data-test=qos-how]")).ToContainTextAsync("ping");
    }

    [Fact]
    public async Task The_dashboards_qos_figures_match_the_api_and_a_band_opens_exactly_its_devices()
    {
        var east = await qos.Server.ClientAsync(QosPortalServer.EastUser, QosPortalServer.Password);
        await using var tab = await OpenAsync(QosPortalServer.EastUser);
        var page = tab.Page;
        var panel = page.Locator("[data-test=qos-panel]");
        await Expect(panel.Locator("[data-test=qos-band]")).ToHaveCountAsync(5);
        var overview = await east.QosOverviewAsync(top: 5);

        Assert.Equal(3, overview.Measured); // alpha, bravo, charlie; quiet has no address, delta is West's
        var counts = overview.Bands.Select(b => b.Count.ToString(CultureInfo.InvariantCulture)).Append(overview.NoData.ToString(CultureInfo.InvariantCulture));
        await Expect(panel.Locator("[data-test=qos-band-count]")).ToHaveTextAsync(counts.ToArray());
        await Expect(panel.Locator("[data-test=qos-best] a")).ToHaveTextAsync(overview.Best.Select(d => d.Name).ToArray());
        await Expect(panel.Locator("[data-test=qos-worst] a")).ToHaveTextAsync(overview.Worst.Select(d => d.Name).ToArray());

        var band = overview.Bands.Select((b, i) => (b, i)).First(x => x.b.Count > 0).i;
        await panel.Locator("[data-test=qos-band]").Nth(band).ClickAsync();
        await Expect(page.Locator("[data-test=band-filter]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=qos-row]")).ToHaveCountAsync(overview.Bands[band].Count);

        await page.GotoAsync("/");
        await panel.Locator("[data-test=qos-worst] a").First.ClickAsync();
        await Expect(page.Locator("[data-test=qos-device-name]")).ToHaveTextAsync(overview.Worst[0].Name);
    }

    [Fact]
    public async Task The_ranking_and_the_charts_fit_a_phone_screen()
    {
        await using var tab = await OpenAsync(QosPortalServer.EastUser, width: 390, height: 844);
        var page = tab.Page;
        await page.GotoAsync(RankCpuAndMemory);
        await Expect(page.Locator("[data-test=qos-row]")).ToHaveCountAsync(3);
        Assert.True(await OverflowAsync(page) <= 0, "the ranking is wider than the phone's screen");

        await page.GotoAsync($"/qos/devices/{qos.Devices["qos-alpha"].Id}");
        await Expect(page.Locator("[data-test=qos-chart-cpu]")).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));
        Assert.True(await OverflowAsync(page) <= 0, "the charts are wider than the phone's screen");
    }

    private static Task<int> OverflowAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

    private async Task<PortalPage> OpenAsync(string user, string password = QosPortalServer.Password, int width = 1280, int height = 800)
    {
        var tab = await PortalPage.OpenAsync(portal.Browser, qos.Server.BaseAddress, width, height);
        await tab.SignInAsync(user, password);
        return tab;
    }

    private long[] Ids(params string[] names) => [.. names.Select(n => qos.Devices[n].Id)];

    /// <summary>The page's table lists the API's ranking: order, rank, score and each metric's value and contribution.</summary>
    private static async Task ExpectRankingAsync(IPage page, QosRankingDto expected)
    {
        var rows = page.Locator("[data-test=qos-row]");
        await Expect(rows).ToHaveCountAsync(expected.Devices.Count);
        await Expect(page.Locator("[data-test=qos-device]")).ToHaveTextAsync(expected.Devices.Select(d => d.Name).ToArray());
        await Expect(page.Locator("[data-test=qos-score]")).ToHaveTextAsync(expected.Devices.Select(d => Fixed(d.Score, 2)).ToArray());
        for (var i = 0; i < expected.Devices.Count; i++)
        {
            var d = expected.Devices[i];
            var row = rows.Nth(i);
            await Expect(row).ToHaveAttributeAsync("data-device", d.DeviceId.ToString(CultureInfo.InvariantCulture));
            await Expect(row.Locator("[data-test=qos-rank]")).ToHaveTextAsync(d.Rank.ToString(CultureInfo.InvariantCulture));
            await Expect(row.Locator("[data-test=qos-part]")).ToHaveTextAsync(
                d.Metrics.Select(m => new Regex($"^\\s*{Regex.Escape(Fixed(m.Value, 1))}\\s*→ {Regex.Escape(Fixed(m.Contribution, 2))}\\s*$")).ToArray());
        }
    }

    private static string Fixed(double value, int digits) => value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
