using Microsoft.Playwright;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>The provisioning page: rules edited in the form and checked by the API, the preview on a device, tenant scoping.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProvisioningTests(PortalFixture portal)
{
    private const string Interval = "Device.ManagementServer.PeriodicInformInterval";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private static ProvisioningRuleRequest TagRule(string name, string model, string tag) =>
        new(name, ["0 BOOTSTRAP"], [new RuleActionDto("addTag", Tag: tag)], new RuleConditionsDto(Model: model));

    [Fact]
    public async Task An_operator_writes_a_rule_in_the_form_sees_the_api_field_error_at_the_bad_path_fixes_it_and_saves_it()
    {
        var name = Unique("portal-rule");
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Provisioning" }).ClickAsync();
        await page.Locator("[data-test=rule-new]").ClickAsync();

        var form = page.Locator("[data-test=rule-form]");
        await form.Locator("[data-test=rule-name]").FillAsync(name);
        await form.GetByLabel("1 BOOT", new() { Exact = true }).CheckAsync();
        await form.Locator("[data-test=when-model]").FillAsync("GW-200");
        var setRow = form.Locator("[data-test=set-row]");
        await setRow.Locator("[data-test=set-path]").FillAsync("Device.ManagementServer.Periodic Inform"); // a space: not a parameter name
        await setRow.Locator("[data-test=set-value]").FillAsync("600");
        await setRow.GetByLabel("Action 1 parameter 1 type").SelectOptionAsync("unsignedInt");
        await form.Locator("[data-test=add-action]").ClickAsync();
        await form.Locator("[data-test=action]").Nth(1).Locator("[data-test=action-tag]").FillAsync("portal-provisioned");

        tab.ExpectFailedResponse(400);
        await form.Locator("[data-test=rule-save]").ClickAsync();
        await Expect(form.Locator("[data-test=rule-form-error]")).ToContainTextAsync("fix the fields marked below");
        await Expect(setRow.Locator("[data-test=field-error]")).ToContainTextAsync("is not a parameter name");
        await Expect(form.Locator("[data-test=field-error]")).ToHaveCountAsync(1); // only at the field the API named
        Assert.DoesNotContain(await portal.Admin.ListProvisioningRulesAsync(), r => r.Name == name);

        await setRow.Locator("[data-test=set-path]").FillAsync(Interval);
        await form.Locator("[data-test=rule-save]").ClickAsync();
        await Expect(page.Locator("[data-test=rule-message]")).ToContainTextAsync($"Saved rule “{name}”");
        await Expect(form.Locator("[data-test=field-error]")).ToHaveCountAsync(0);

        var saved = Assert.Single(await portal.Admin.ListProvisioningRulesAsync(), r => r.Name == name);
        Assert.Equal(portal.Acme.Id, saved.TenantId);
        Assert.Equal(["0 BOOTSTRAP", "1 BOOT"], saved.Events);
        Assert.Equal("GW-200", saved.When.Model);
        Assert.Equal(new RuleValueDto("600", "unsignedInt"), saved.Actions[0].Values![Interval]);
        Assert.Equal(("addTag", "portal-provisioned"), (saved.Actions[1].Type, saved.Actions[1].Tag));
        Assert.Equal(1, saved.Revision);

        await page.GetByRole(AriaRole.Button, new() { Name = "← All rules" }).ClickAsync();
        var row = page.Locator($"[data-test=rule-row][data-rule='{name}']");
        await Expect(row.Locator("[data-test=rule-conditions]")).ToHaveTextAsync("model = GW-200");
        await Expect(row.Locator("[data-test=rule-actions]")).ToContainTextAsync($"set {Interval}=600");
        await Expect(row.Locator("[data-test=rule-actions]")).ToContainTextAsync("add tag portal-provisioned");
        await Expect(row.Locator("[data-test=rule-state]")).ToHaveTextAsync("enabled");

        // Disable is a replace through the API: the revision rises and the rule is kept.
        await row.Locator("[data-test=rule-toggle]").ClickAsync();
        await Expect(row.Locator("[data-test=rule-state]")).ToHaveTextAsync("disabled");
        await Expect(row.Locator("[data-test=rule-revision]")).ToHaveTextAsync("2");
        var disabled = await portal.Admin.GetProvisioningRuleAsync(saved.Id);
        Assert.False(disabled.Enabled);
        Assert.Equal(saved.Actions.Count, disabled.Actions.Count);

        // Delete needs a confirmation.
        await row.Locator("[data-test=rule-delete]").ClickAsync();
        await row.Locator("[data-test=rule-delete-confirm]").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.DoesNotContain(await portal.Admin.ListProvisioningRulesAsync(), r => r.Id == saved.Id);
    }

    [Fact]
    public async Task The_preview_shows_for_a_picked_device_which_conditions_hold_and_which_actions_would_apply()
    {
        var op = await portal.Server.ClientAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var tag = Unique("previewed");
        var rule = await op.CreateProvisioningRuleAsync(TagRule(Unique("portal-preview"), "GW-200", tag));
        var matching = Assert.Single((await op.ListDevicesAsync(q: "acme-gw-0004")).Items); // Models[4 % 6]
        var other = Assert.Single((await op.ListDevicesAsync(q: "acme-gw-0001")).Items);
        Assert.Equal(("GW-200", "GW-100"), (matching.Model, other.Model));

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GotoAsync("/provisioning");
        await page.Locator($"[data-test=rule-row][data-rule='{rule.Name}'] [data-test=rule-open]").ClickAsync();
        var preview = page.Locator("[data-test=rule-preview]");

        await preview.Locator("[data-test=picker-input]").FillAsync(matching.Name);
        await preview.Locator("[data-test=picker-option]", new() { HasText = matching.Name }).ClickAsync();
        await Expect(preview.Locator("[data-test=preview-verdict]")).ToHaveTextAsync("Would apply");
        var condition = preview.Locator("[data-test=preview-condition]");
        await Expect(condition).ToHaveCountAsync(1);
        await Expect(condition).ToHaveAttributeAsync("data-holds", "true");
        await Expect(condition).ToContainTextAsync("GW-200");
        await Expect(preview.Locator("[data-test=preview-action]")).ToHaveAttributeAsync("data-apply", "true");
        await Expect(preview.Locator("[data-test=preview-action]")).ToContainTextAsync(tag);
        Assert.True((await op.PreviewProvisioningRuleAsync(rule.Id, matching.Id)).Applies);

        // Another device, and an event the rule does not run on.
        await preview.GetByRole(AriaRole.Button, new() { Name = "change" }).ClickAsync();
        await preview.Locator("[data-test=picker-input]").FillAsync(other.Name);
        await preview.Locator("[data-test=picker-option]", new() { HasText = other.Name }).ClickAsync();
        await Expect(preview.Locator("[data-test=preview-verdict]")).ToHaveTextAsync("Would not apply: a condition does not hold");
        await Expect(condition).ToHaveAttributeAsync("data-holds", "false");
        await Expect(condition).ToContainTextAsync("GW-100");
        Assert.False((await op.PreviewProvisioningRuleAsync(rule.Id, other.Id)).ConditionsHold);

        await preview.Locator("[data-test=preview-event]").SelectOptionAsync("2 PERIODIC");
        await Expect(preview.Locator("[data-test=preview-verdict]")).ToHaveTextAsync("Would not apply: the rule does not run on 2 PERIODIC");

        await page.GetByRole(AriaRole.Button, new() { Name = "← All rules" }).ClickAsync();
        await Expect(page.Locator($"[data-test=rule-row][data-rule='{rule.Name}']")).ToBeVisibleAsync();
        await Screenshots.ShotAsync(page, "provisioning");
    }

    [Fact]
    public async Task A_tenant_admin_sees_only_its_tenant_rules_and_another_tenant_rule_is_not_found()
    {
        var acme = await portal.Admin.CreateProvisioningRuleAsync(TagRule(Unique("acme-only"), "GW-100", "x"), portal.Acme.Id);
        var globex = await portal.Admin.CreateProvisioningRuleAsync(TagRule(Unique("globex-own"), "GW-100", "y"), portal.Globex.Id);

        await using (var tab = await portal.OpenAsync())
        {
            await tab.SignInAsync(PortalFixture.GlobexAdmin, PortalFixture.UserPassword);
            var page = tab.Page;
            await page.GotoAsync("/provisioning");
            await Expect(page.Locator($"[data-test=rule-row][data-rule='{globex.Name}']")).ToBeVisibleAsync();
            await Expect(page.Locator($"[data-test=rule-row][data-rule='{acme.Name}']")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-test=rule-tenant]")).ToHaveCountAsync(0); // one tenant: no tenant column
            await Expect(page.Locator("[data-test=rule-table]")).Not.ToContainTextAsync("acme");

            tab.ExpectFailedResponse(404);
            await page.GotoAsync($"/provisioning?rule={acme.Id}");
            await Expect(page.Locator("[data-test=rule-missing]")).ToContainTextAsync("Rule not found");
            await Expect(page.Locator("[data-test=rule-form]")).ToHaveCountAsync(0);
        }

        await using var sysop = await portal.OpenAsync();
        await sysop.SignInAsync("admin", ServerUnderTest.AdminPassword);
        await sysop.Page.GotoAsync("/provisioning");
        await Expect(sysop.Page.Locator($"[data-test=rule-row][data-rule='{acme.Name}'] [data-test=rule-tenant]")).ToHaveTextAsync("Acme Networks");
        await Expect(sysop.Page.Locator($"[data-test=rule-row][data-rule='{globex.Name}'] [data-test=rule-tenant]")).ToHaveTextAsync("Globex");
    }
}
