using Microsoft.Playwright;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFixture portal)
{
    [Fact]
    public async Task A_tenant_user_signs_in_and_sees_its_tenant_a_sysop_sees_all_tenants()
    {
        await using (var tab = await portal.OpenAsync())
        {
            await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
            await Expect(tab.Page.Locator("[data-test=scope]")).ToHaveTextAsync("Acme Networks");
            await Expect(tab.Page.Locator("[data-test=user]")).ToContainTextAsync("acme-op (operator)");
            var nav = tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
            await Expect(nav.GetByRole(AriaRole.Link).First).ToHaveTextAsync("Dashboard");
            foreach (var label in new[] { "Devices", "Engines" })
            {
                await Expect(nav.GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToBeVisibleAsync();
            }
        }

        await using var admin = await portal.OpenAsync();
        await admin.SignInAsync("admin", ServerUnderTest.AdminPassword);
        await Expect(admin.Page.Locator("[data-test=scope]")).ToHaveTextAsync("All tenants");
    }

    [Fact]
    public async Task A_wrong_password_is_said_plainly_and_keeps_the_sign_in_page()
    {
        await using var tab = await portal.OpenAsync();
        tab.ExpectFailedResponse(401);
        await tab.Page.GotoAsync("/devices");
        await Expect(tab.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in\\?next=(%2F|/)devices$"));
        await tab.Page.GetByLabel("User name").FillAsync("admin");
        await tab.Page.GetByLabel("Password").FillAsync("not-the-password");
        await tab.Page.Keyboard.PressAsync("Enter");
        await Expect(tab.Page.Locator("[data-test=signin-error]")).ToHaveTextAsync("Wrong user name or password.");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_session_the_server_ends_returns_to_sign_in_and_then_to_the_same_page()
    {
        await using var tab = await portal.OpenAsync();
        tab.ExpectFailedResponse(401);
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        await tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Engines" }).ClickAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Engines" })).ToBeVisibleAsync();

        // The server revokes the token (as when it expires): the next call is refused.
        var token = await tab.Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('qdms.session')).token");
        var client = await portal.Server.ClientAsync(null);
        client.UseToken(token);
        await client.LogoutAsync();

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Refresh", Exact = true }).ClickAsync();
        await Expect(tab.Page.Locator("[data-test=notice]")).ToHaveTextAsync("Your session expired. Sign in again.");
        await Expect(tab.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in\\?next=(%2F|/)engines$"));

        await tab.Page.GetByLabel("User name").FillAsync(PortalFixture.AcmeOperator);
        await tab.Page.GetByLabel("Password").FillAsync(PortalFixture.UserPassword);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Engines" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_forged_token_in_storage_goes_back_to_sign_in()
    {
        await using var tab = await portal.OpenAsync();
        tab.ExpectFailedResponse(401);
        await tab.Page.GotoAsync("/sign-in");
        await tab.Page.EvaluateAsync("""
            () => localStorage.setItem('qdms.session', JSON.stringify({ token: 'qdms_forged', expiresAt: null,
              user: { id: 1, username: 'admin', role: 'sysop', tenantId: null, disabled: false, createdAt: '2026-01-01T00:00:00Z' } }))
            """);
        await tab.Page.GotoAsync("/devices");
        await Expect(tab.Page.Locator("[data-test=notice]")).ToHaveTextAsync("Your session expired. Sign in again.");
        await Expect(tab.Page.Locator("[data-test=device-row]")).ToHaveCountAsync(0);
    }
}
