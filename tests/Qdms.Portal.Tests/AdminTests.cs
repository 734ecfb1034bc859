using Microsoft.Playwright;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>The Users, Tenants, API tokens and Audit pages, and what each role sees of them.</summary>
[Collection(PortalCollection.Name)]
public sealed class AdminTests(PortalFixture portal)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private static ILocator Nav(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    [Fact]
    public async Task A_sysop_creates_a_tenant_and_an_admin_in_it_in_the_pages_and_the_audit_page_shows_both()
    {
        var tenantName = "t-" + Unique();
        var username = "boss-" + Unique();
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var page = tab.Page;

        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Tenants", Exact = true }).ClickAsync();
        await page.Locator("[data-test=tenant-add]").ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(tenantName);
        await page.GetByLabel("Display name").FillAsync("Tenant " + tenantName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.Locator("[data-test=tenant-message]")).ToHaveTextAsync($"Created tenant {tenantName}.");
        await Expect(page.Locator($"[data-tenant='{tenantName}']")).ToContainTextAsync("Tenant " + tenantName);
        var tenant = (await portal.Admin.ListTenantsAsync()).Single(t => t.Name == tenantName);

        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await page.Locator("[data-test=user-add]").ClickAsync();
        var form = page.Locator("[data-test=user-form]");
        await form.GetByLabel("User name").FillAsync(username);
        await form.GetByLabel("Password").FillAsync(PortalFixture.UserPassword);
        await form.GetByLabel("Role").SelectOptionAsync("admin");
        await form.GetByLabel("Tenant").SelectOptionAsync(new SelectOptionValue { Label = "Tenant " + tenantName });
        await form.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.Locator("[data-test=user-message]")).ToHaveTextAsync($"Created {username} (admin).");
        var row = page.Locator($"[data-user='{username}']");
        await Expect(row).ToContainTextAsync("Tenant " + tenantName);
        await Expect(row.Locator("[data-test=user-role]")).ToHaveTextAsync("admin");
        var user = (await portal.Admin.ListUsersAsync()).Single(u => u.Username == username);
        Assert.Equal(("admin", (long?)tenant.Id), (user.Role, user.TenantId));
        await Screenshots.ShotAsync(page, "users");

        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await page.GetByLabel("User", new() { Exact = true }).FillAsync("admin");
        await page.GetByLabel("Action").FillAsync("tenant.create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("action=tenant.create"));
        await Expect(page.Locator("[data-test=audit-row]").Filter(new() { HasText = $"tenant/{tenant.Id}" })).ToContainTextAsync(tenantName);
        await Expect(page.Locator("[data-test=audit-action]").Filter(new() { HasNotText = "tenant.create" })).ToHaveCountAsync(0);
        await page.GetByLabel("Action").FillAsync("user.create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("action=user.create"));
        await Expect(page.Locator("[data-test=audit-row]").Filter(new() { HasText = $"user/{user.Id}" })).ToContainTextAsync($"{username} as admin");
        await Screenshots.ShotAsync(page, "audit");
    }

    [Fact]
    public async Task An_admin_changes_a_users_role_disables_resets_and_deletes_it_in_the_page()
    {
        var (tenant, adminName) = await NewTenantWithAdminAsync();
        var worker = "worker-" + Unique();
        var created = await portal.Admin.CreateUserAsync(new CreateUserRequest(worker, PortalFixture.UserPassword, "viewer", tenant.Id));
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(adminName, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GotoAsync("/users");
        var row = page.Locator($"[data-user='{worker}']");

        await row.Locator("[data-test=user-role-edit]").ClickAsync();
        await row.GetByLabel($"New role for {worker}").SelectOptionAsync("operator");
        await row.Locator("[data-test=user-role-save]").ClickAsync();
        await Expect(page.Locator("[data-test=user-message]")).ToHaveTextAsync($"{worker}: role set to operator.");
        await Expect(row.Locator("[data-test=user-role]")).ToHaveTextAsync("operator");

        await row.Locator("[data-test=user-password]").ClickAsync();
        await row.GetByLabel($"New password for {worker}").FillAsync("brand-new-pass-9");
        await row.Locator("[data-test=user-password-save]").ClickAsync();
        await Expect(page.Locator("[data-test=user-message]")).ToContainTextAsync($"{worker}: password reset");
        var signedIn = await portal.Server.ClientAsync(worker, "brand-new-pass-9");
        Assert.Equal("operator", (await signedIn.MeAsync()).Role);

        await row.Locator("[data-test=user-toggle]").ClickAsync();
        await Expect(row.Locator("[data-test=user-state]")).ToHaveTextAsync("disabled");
        Assert.True((await portal.Admin.ListUsersAsync()).Single(u => u.Id == created.Id).Disabled);

        await row.Locator("[data-test=user-delete]").ClickAsync();
        await row.Locator("[data-test=user-delete-confirm]").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.DoesNotContain(await portal.Admin.ListUsersAsync(), u => u.Id == created.Id);
    }

    [Fact]
    public async Task A_token_secret_is_shown_once_works_against_the_api_and_stops_working_when_revoked()
    {
        var (_, adminName) = await NewTenantWithAdminAsync();
        var name = "nightly-" + Unique();
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(adminName, PortalFixture.UserPassword);
        var page = tab.Page;
        await Nav(page).GetByRole(AriaRole.Link, new() { Name = "API tokens", Exact = true }).ClickAsync();
        await page.Locator("[data-test=token-add]").ClickAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Expires").SelectOptionAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(page.Locator("[data-test=token-created]")).ToContainTextAsync("this is the only time it is shown");
        var secret = (await page.Locator("[data-test=token-secret]").TextContentAsync())!.Trim();
        Assert.StartsWith("qdms_", secret, StringComparison.Ordinal);
        await Expect(page.Locator($"[data-token='{name}']")).ToContainTextAsync("API token");
        await Screenshots.ShotAsync(page, "tokens");

        using var http = new HttpClient { BaseAddress = portal.Server.BaseAddress };
        var script = new QdmsClient(http);
        script.UseToken(secret);
        Assert.Equal(adminName, (await script.MeAsync()).Username);

        // Shown once: after a reload the token is listed, its secret is nowhere on the page.
        await page.ReloadAsync();
        await Expect(page.Locator($"[data-token='{name}']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=token-created]")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await page.Locator($"[data-token='{name}'] [data-test=token-revoke]").ClickAsync();
        await page.Locator($"[data-token='{name}'] [data-test=token-revoke-confirm]").ClickAsync();
        await Expect(page.Locator("[data-test=token-message]")).ToContainTextAsync($"Revoked {name}");
        await Expect(page.Locator($"[data-token='{name}']")).ToHaveCountAsync(0);
        Assert.Equal(401, (await Assert.ThrowsAsync<QdmsApiException>(() => script.MeAsync())).Status);

        await page.GotoAsync("/audit?action=token.revoke");
        await Expect(page.Locator("[data-test=audit-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=audit-row]")).ToContainTextAsync(adminName);
    }

    [Fact]
    public async Task A_tenant_admin_sees_only_its_tenants_users_tokens_audit_and_devices_and_has_no_tenants_page()
    {
        var (mine, myAdmin) = await NewTenantWithAdminAsync();
        var (theirs, theirAdmin) = await NewTenantWithAdminAsync();
        var u = Unique();
        await portal.Admin.CreateUserAsync(new CreateUserRequest("mine-" + u, PortalFixture.UserPassword, "viewer", mine.Id));
        await portal.Admin.CreateUserAsync(new CreateUserRequest("theirs-" + u, PortalFixture.UserPassword, "viewer", theirs.Id));
        await portal.Admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "mine-box-" + u)], "mine-box-" + u, TenantId: mine.Id));
        await portal.Admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "their-box-" + u)], "their-box-" + u, TenantId: theirs.Id));
        var other = await portal.Server.ClientAsync(theirAdmin, PortalFixture.UserPassword);
        await other.CreateTokenAsync(new CreateTokenRequest("their-token-" + u, 1));

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(myAdmin, PortalFixture.UserPassword);
        var page = tab.Page;
        foreach (var label in new[] { "Users", "API tokens", "Audit" })
        {
            await Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "Tenants", Exact = true })).ToHaveCountAsync(0);

        await page.GotoAsync("/users");
        await Expect(page.Locator("[data-test=user-row]")).ToHaveCountAsync(2);
        await Expect(page.Locator($"[data-user='mine-{u}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-user='{myAdmin}']")).ToContainTextAsync("(you)");
        await Expect(page.Locator("[data-test=user-table]")).Not.ToContainTextAsync(theirAdmin);

        await page.GotoAsync("/tokens");
        await Expect(page.Locator("[data-test=token-row]")).ToHaveCountAsync(1); // its own sign-in session only
        await Expect(page.Locator("[data-test=token-table]")).Not.ToContainTextAsync("their-token-" + u);

        await page.GotoAsync("/audit");
        await Expect(page.Locator("[data-test=audit-row]").First).ToBeVisibleAsync();
        var audit = await page.Locator("[data-test=audit-table]").TextContentAsync();
        Assert.Contains("mine-" + u, audit, StringComparison.Ordinal);
        Assert.DoesNotContain("theirs-" + u, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(theirAdmin, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Name, audit, StringComparison.Ordinal);

        await page.GotoAsync("/devices");
        await Expect(page.Locator("[data-test=device-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=device-row]")).ToContainTextAsync("mine-box-" + u);

        // The Tenants page by address: its own tenant, read-only; no way to add or delete.
        await page.GotoAsync("/tenants");
        await Expect(page.Locator("[data-test=tenant-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=tenant-row]")).ToContainTextAsync(mine.Name);
        await Expect(page.Locator("[data-test=tenant-add]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=tenant-delete]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_operator_has_no_users_tenants_or_audit_entries_and_the_api_refuses_the_users_page()
    {
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = "API tokens", Exact = true })).ToBeVisibleAsync();
        foreach (var label in new[] { "Users", "Tenants", "Audit" })
        {
            await Expect(Nav(page).GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToHaveCountAsync(0);
        }

        tab.ExpectFailedResponse(403);
        await page.GotoAsync("/users");
        await Expect(page.Locator("[data-test=error]")).ToContainTextAsync("needs the admin role");
        await Expect(page.Locator("[data-test=user-add]")).ToHaveCountAsync(0);
    }

    /// <summary>A new tenant with an admin (user name returned), so a test owns its data and never touches the seeded ones.</summary>
    private async Task<(TenantDto Tenant, string Admin)> NewTenantWithAdminAsync()
    {
        var tenant = await portal.Admin.CreateTenantAsync(new CreateTenantRequest("t-" + Unique(), null));
        var admin = "adm-" + Unique();
        await portal.Admin.CreateUserAsync(new CreateUserRequest(admin, PortalFixture.UserPassword, "admin", tenant.Id));
        return (tenant, admin);
    }
}
