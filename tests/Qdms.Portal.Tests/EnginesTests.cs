using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class EnginesTests(PortalFixture portal)
{
    [Fact]
    public async Task A_sysop_adds_starts_stops_and_removes_an_engine()
    {
        var alias = "echo-" + Guid.NewGuid().ToString("N")[..6];
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Engines" }).ClickAsync();

        await page.Locator("[data-test=engine-add]").ClickAsync();
        var form = page.Locator("[data-test=engine-form]");
        await form.GetByLabel("Type").SelectOptionAsync("echo");
        await form.GetByLabel("Alias").FillAsync(alias);
        await form.Locator("textarea").FillAsync("""{ "host": "127.0.0.1", "port": 0 }""");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-test=engine-message]")).ToContainTextAsync($"Added echo/{alias}");

        var row = page.Locator($"[data-engine='echo/{alias}']");
        await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("inactive");
        await row.Locator("[data-test=engine-start]").ClickAsync();
        await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("active");
        Assert.Equal("active", (await portal.Admin.ListEnginesAsync()).Single(e => e.Alias == alias).State);

        await row.Locator("[data-test=engine-stop]").ClickAsync();
        await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("inactive");
        Assert.Equal("inactive", (await portal.Admin.ListEnginesAsync()).Single(e => e.Alias == alias).State);

        await row.GetByRole(AriaRole.Button, new() { Name = "Remove…" }).ClickAsync();
        await row.Locator("[data-test=engine-remove]").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.DoesNotContain(await portal.Admin.ListEnginesAsync(), e => e.Alias == alias);
    }

    [Fact]
    public async Task An_engine_that_fails_to_start_shows_its_last_error()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var alias = "busy-" + Guid.NewGuid().ToString("N")[..6];
        var added = await portal.Admin.AddEngineAsync(new Qdms.Contracts.AddEngineRequest("echo", alias,
            System.Text.Json.JsonSerializer.SerializeToElement(new { host = "127.0.0.1", port })));

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        await tab.Page.GotoAsync("/engines");
        var row = tab.Page.Locator($"[data-engine='echo/{alias}']");
        await row.Locator("[data-test=engine-start]").ClickAsync();
        await Expect(row.Locator("[data-test=badge]")).ToHaveTextAsync("failed");
        await Expect(tab.Page.Locator("[data-test=engine-message]")).ToContainTextAsync($"echo/{alias} failed to start");
        var lastError = (await portal.Admin.ListEnginesAsync()).Single(e => e.Index == added.Index && e.Type == "echo").LastError;
        Assert.False(string.IsNullOrEmpty(lastError));
        await Expect(row.Locator("[data-test=engine-error]")).ToHaveTextAsync(lastError!);
        await portal.Admin.RemoveEngineAsync("echo", alias);
    }

    [Fact]
    public async Task A_tenant_user_sees_the_engines_but_cannot_change_them()
    {
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        await tab.Page.GotoAsync("/engines");
        await Expect(tab.Page.GetByText("only a system operator (sysop) can add")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("[data-test=engine-add]")).ToHaveCountAsync(0);
        await Expect(tab.Page.Locator("[data-test=engine-start], [data-test=engine-stop]")).ToHaveCountAsync(0);
    }
}
