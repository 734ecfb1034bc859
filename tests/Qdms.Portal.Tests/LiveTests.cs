using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>
/// Live updates (portal/src/live.ts over GET /api/v1/live): with a page open and never reloaded, what happens elsewhere
/// (the API, a simulated CPE) shows up by itself — and not by polling: the page makes no further read of that data.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LiveTests(PortalFixture portal)
{
    [Fact]
    public async Task A_cpe_boot_appears_in_the_dashboards_recent_events_without_a_reload()
    {
        using var acs = await SimulatedAcs.StartAsync(portal.Admin);
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var page = tab.Page;
        await Expect(page.Locator("[data-test=events-panel]")).ToBeVisibleAsync();
        await ExpectLiveAsync(page);
        var reads = Record(page);

        var cpe = acs.Cpe();
        await cpe.BootAsync(CancellationToken.None);

        var row = page.Locator("[data-test=event-row]", new() { HasText = cpe.Serial }).First;
        await Expect(row).ToContainTextAsync("BOOT");
        Assert.DoesNotContain(reads, url => url.Contains("/api/v1/events", StringComparison.Ordinal));
        await Screenshots.ShotAsync(page, "live");
    }

    [Fact]
    public async Task A_task_queued_through_the_api_appears_on_the_open_device_page_and_turns_done_when_the_cpe_runs_it()
    {
        using var acs = await SimulatedAcs.StartAsync(portal.Admin);
        var cpe = acs.Cpe();
        await cpe.BootAsync(CancellationToken.None);
        var device = Assert.Single((await portal.Admin.ListDevicesAsync(q: cpe.Serial)).Items);

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var page = tab.Page;
        await page.GotoAsync($"/devices/{device.Id}");
        await Expect(page.Locator("[data-test=device-name]")).ToContainTextAsync(device.Name);
        await page.Locator("[data-test=tab-tasks]").ClickAsync();
        await Expect(page.Locator("[data-test=task-row]")).ToHaveCountAsync(0);
        await ExpectLiveAsync(page);
        var reads = Record(page);

        var task = await portal.Admin.CreateTaskAsync(device.Id, new CreateTaskRequest("refresh", null, null));
        var row = page.Locator("[data-test=task-row]").First;
        await Expect(row).ToContainTextAsync("refresh");
        await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("queued");

        await cpe.PeriodicInformAsync(CancellationToken.None);
        await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("done");
        Assert.Equal("done", (await portal.Admin.GetTaskAsync(task.Id)).Status);

        // The page learned both from the stream: it never asked for the task list again.
        Assert.DoesNotContain(reads, url => url.Contains("/tasks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_engine_added_and_started_through_the_api_shows_active_on_the_open_engines_page()
    {
        var alias = "live-" + Guid.NewGuid().ToString("N")[..6];
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var page = tab.Page;
        await page.GotoAsync("/engines");
        await Expect(page.Locator("[data-test=engine-table]").Or(page.GetByText("No engines yet."))).ToBeVisibleAsync();
        await ExpectLiveAsync(page);

        var added = await portal.Admin.AddEngineAsync(new AddEngineRequest("echo", alias, JsonSerializer.SerializeToElement(new { host = "127.0.0.1", port = 0 })));
        var row = page.Locator($"[data-engine='echo/{alias}']");
        await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("inactive");

        await portal.Admin.StartEngineAsync("echo", added.Index);
        await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("active");
        await Expect(row).ToContainTextAsync("running");

        await portal.Admin.StopEngineAsync("echo", added.Index);
        await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("inactive");
        await portal.Admin.RemoveEngineAsync("echo", alias);
        await Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signing_out_closes_the_stream()
    {
        await using var tab = await portal.OpenAsync(390, 800);
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await ExpectLiveAsync(page);
        await Expect(page.Locator("[data-test=live-indicator]")).ToHaveTextAsync("Live");
        var closed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.RequestFailed += (_, r) =>
        {
            if (r.Url.Contains("/api/v1/live", StringComparison.Ordinal))
            {
                closed.TrySetResult(r.Failure ?? "");
            }
        };

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        Assert.Contains("ABORTED", await closed.Task.WaitAsync(TimeSpan.FromSeconds(20)), StringComparison.OrdinalIgnoreCase);
    }

    private static Task ExpectLiveAsync(IPage page) =>
        Expect(page.Locator("[data-test=live-indicator]")).ToHaveAttributeAsync("data-state", "live");

    /// <summary>Every API request the page makes from now on (the live stream itself excluded).</summary>
    private static ConcurrentBag<string> Record(IPage page)
    {
        var urls = new ConcurrentBag<string>();
        page.Request += (_, r) =>
        {
            if (r.Url.Contains("/api/v1/", StringComparison.Ordinal) && !r.Url.Contains("/api/v1/live", StringComparison.Ordinal))
            {
                urls.Add(r.Url);
            }
        };
        return urls;
    }
}
