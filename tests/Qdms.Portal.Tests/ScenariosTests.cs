using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using Qdms.Testing;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>
/// The Scenarios pages against a real terminal (a <see cref="GatedTerminal"/> on a loopback TCP port, which holds one
/// answer until the test releases it, so the run is provably still going while its log is already on screen).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class ScenariosTests(PortalFixture portal)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task An_operator_writes_a_scenario_fixes_a_problem_saves_a_copy_and_follows_its_run_live()
    {
        await using var terminal = new GatedTerminal();
        var name = "held-" + Unique();
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Scenarios" }).ClickAsync();
        await page.Locator("[data-test=scenario-new]").ClickAsync();

        // Line 7 has a misspelt key: the editor names it with its line and column, and the button goes there.
        var text = page.Locator("[data-test=scenario-text]");
        await text.FillAsync(terminal.Scenario(name).Replace("timeout: 60s", "tiemout: 60s"));
        var problem = page.Locator("[data-test=problem]");
        await Expect(problem).ToHaveCountAsync(1);
        await Expect(problem).ToContainTextAsync("line 7, column");
        await Expect(problem).ToContainTextAsync("unknown key 'tiemout'");
        await problem.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(text).ToBeFocusedAsync();
        Assert.Equal(6, await text.EvaluateAsync<int>("t => t.value.slice(0, t.selectionStart).split('\\n').length - 1"));

        await text.FillAsync(terminal.Scenario(name));
        await Expect(page.Locator("[data-test=validation]")).ToHaveTextAsync($"Valid: {name}, 2 steps");
        await Expect(problem).ToHaveCountAsync(0);
        await page.Locator("[data-test=scenario-save]").ClickAsync();
        await Expect(page).ToHaveURLAsync(ScenarioUrl());
        await Expect(page.Locator("[data-test=scenario-title]")).ToContainTextAsync(name);
        var originalId = long.Parse(ScenarioUrl().Match(page.Url).Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);

        await page.Locator("[data-test=scenario-save-as]").ClickAsync();
        await page.Locator("[data-test=save-as-form]").GetByLabel("New name").FillAsync(name + "-copy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save copy" }).ClickAsync();
        await Expect(page.Locator("[data-test=scenario-title]")).ToContainTextAsync(name + "-copy");
        await Expect(page.GetByText($"A copy of scenario #{originalId}")).ToBeVisibleAsync();

        var form = page.Locator("[data-test=run-form]");
        await form.GetByLabel("An address or serial port").CheckAsync();
        await form.Locator("[data-test=run-target]").FillAsync($"127.0.0.1:{terminal.Port}");
        await form.Locator("[data-test=run-start]").ClickAsync();
        await Expect(page).ToHaveURLAsync(RunUrl());

        // The terminal holds its second answer: the run cannot end, yet the lines so far are on screen, in ASCII and in HEX.
        await terminal.Holding;
        var log = page.Locator("[data-test=run-log]");
        await Expect(log.Locator("[data-kind=tx]").Filter(new() { HasText = "AT+HOLD\\r\\n" })).ToBeVisibleAsync();
        await Expect(log.Locator("[data-kind=rx]").First).ToContainTextAsync("OK\\r\\n");
        await page.Locator("[data-test=view-hex]").ClickAsync();
        await Expect(log.Locator("[data-kind=tx]").Filter(new() { HasText = "41 54 2B 48 4F 4C 44 0D 0A" })).ToBeVisibleAsync();
        await Expect(page.Locator("h1 [data-test=badge]")).ToHaveTextAsync("running");
        await Expect(page.Locator("[data-test=run-controls]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=run-result]")).ToHaveCountAsync(0);

        terminal.Release();
        await Expect(page.Locator("h1 [data-test=badge]")).ToHaveTextAsync("completed");
        await Expect(page.Locator("[data-test=run-verdict]")).ToHaveTextAsync("pass");
        await Expect(page.Locator("[data-test=kpi-ssr]")).ToHaveTextAsync("1.0000");
        await Expect(page.Locator("[data-test=step-row]")).ToHaveCountAsync(2);
        await Expect(log.Locator("[data-kind=ended]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=run-controls]")).ToHaveCountAsync(0);
        await Screenshots.ShotAsync(page, "scenarios");

        // The copy's history links to the run.
        var runId = RunUrl().Match(page.Url).Groups["id"].Value;
        await page.GetByRole(AriaRole.Link, new() { Name = $"← {name}-copy" }).ClickAsync();
        await Expect(page.Locator("[data-test=run-row]").First.GetByRole(AriaRole.Link)).ToHaveTextAsync($"#{runId}");
    }

    [Fact]
    public async Task Run_a_scenario_on_a_device_page_starts_a_run_against_the_device_and_opens_it()
    {
        await using var terminal = new GatedTerminal();
        terminal.Release();
        // A tenant of its own, so the seeded tenants keep their device counts.
        var tenant = await portal.Admin.CreateTenantAsync(new CreateTenantRequest("scen-" + Unique(), "Scenario lab"));
        var operatorName = "scen-op-" + Unique();
        await portal.Admin.CreateUserAsync(new CreateUserRequest(operatorName, PortalFixture.UserPassword, "operator", tenant.Id));
        var device = await portal.Admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("ping", "term-" + Unique())],
            Name: "term-" + Unique(), Address: $"127.0.0.1:{terminal.Port}", TenantId: tenant.Id));
        var scenario = await portal.Admin.CreateScenarioAsync(new CreateScenarioRequest(terminal.Scenario("device-" + Unique()), TenantId: tenant.Id));

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(operatorName, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GotoAsync($"/devices/{device.Id}");
        await page.Locator("[data-test=action-scenario]").ClickAsync();
        await page.Locator("[data-test=scenario-choice]").SelectOptionAsync(new SelectOptionValue { Label = scenario.Name });
        await page.Locator("[data-test=scenario-run]").ClickAsync();
        await Expect(page).ToHaveURLAsync(RunUrl());
        await Expect(page.Locator("[data-test=run-verdict]")).ToHaveTextAsync("pass");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"#{device.Id}" })).ToBeVisibleAsync();
        await Expect(page.Locator("dd.mono").First).ToHaveTextAsync($"127.0.0.1:{terminal.Port}");
        var run = Assert.Single((await portal.Admin.ListScenarioRunsAsync(scenario.Id)).Items);
        Assert.Equal((device.Id, "pass"), (run.DeviceId!.Value, run.Verdict));
    }

    [Fact]
    public async Task A_tenant_user_cannot_open_another_tenants_scenario_or_run()
    {
        await using var terminal = new GatedTerminal();
        terminal.Release();
        var scenario = await portal.Admin.CreateScenarioAsync(new CreateScenarioRequest(terminal.Scenario("acme-only-" + Unique()), TenantId: portal.Acme.Id));
        var run = Assert.Single(await portal.Admin.StartScenarioRunAsync(scenario.Id, new StartScenarioRunRequest()));

        await using var tab = await portal.OpenAsync();
        tab.ExpectFailedResponse(404); // the API's answer for another tenant's scenario and run
        await tab.SignInAsync(PortalFixture.GlobexAdmin, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GotoAsync("/scenarios");
        await Expect(page.Locator("[data-test=loading]")).ToHaveCountAsync(0);
        await Expect(page.Locator($"[data-test=scenario-row][data-name='{scenario.Name}']")).ToHaveCountAsync(0);
        await page.GotoAsync($"/scenarios/{scenario.Id}");
        await Expect(page.Locator("[data-test=scenario-missing]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=scenario-text]")).ToHaveCountAsync(0);
        await page.GotoAsync($"/scenarios/runs/{run.Id}");
        await Expect(page.Locator("[data-test=run-missing]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=run-log]")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/scenarios/(?<id>\d+)$")]
    private static partial Regex ScenarioUrl();

    [GeneratedRegex(@"/scenarios/runs/(?<id>\d+)$")]
    private static partial Regex RunUrl();
}
