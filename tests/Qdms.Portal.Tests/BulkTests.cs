using Microsoft.Playwright;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>Bulk actions on the device list (selection, all matching a filter, progress) and the device page's factory reset.</summary>
[Collection(PortalCollection.Name)]
public sealed class BulkTests(PortalFixture portal)
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Three_selected_devices_rebooted_show_three_queued_then_three_done_as_the_cpes_run_them()
    {
        using var acs = await SimulatedAcs.StartAsync(portal.Admin);
        var tag = "reboot-" + Unique();
        var cpes = new List<Qdms.Tools.CpeSim.SimulatedCpe>();
        for (var i = 0; i < 3; i++)
        {
            var cpe = acs.Cpe();
            await cpe.BootAsync(CancellationToken.None);
            var device = Assert.Single((await portal.Admin.ListDevicesAsync(q: cpe.Serial)).Items);
            await portal.Admin.UpdateDeviceAsync(device.Id, new UpdateDeviceRequest(Tags: [tag]));
            cpes.Add(cpe);
        }

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var page = tab.Page;
        await page.GotoAsync($"/devices?tag={tag}");
        await Expect(page.Locator("[data-test=device-row]")).ToHaveCountAsync(3);
        await page.Locator("[data-test=pick-page]").CheckAsync();
        await Expect(page.Locator("[data-test=bulk-count]")).ToHaveTextAsync("3 devices selected");
        await Expect(page.Locator("[data-test=bulk-all-offer]")).ToHaveCountAsync(0);
        await page.Locator("[data-test=bulk-reboot]").ClickAsync();
        await Expect(page.Locator("[data-test=bulk-confirm]")).ToHaveTextAsync("Yes, reboot 3 devices");
        await page.Locator("[data-test=bulk-confirm]").ClickAsync();

        var progress = page.Locator("[data-test=bulk-progress]");
        await Expect(progress).ToContainTextAsync("reboot on 3 devices");
        await Expect(progress.Locator("[data-test=bulk-queued]")).ToHaveTextAsync("3");
        await Expect(progress.Locator("[data-test=bulk-done]")).ToHaveTextAsync("0");
        await Expect(page.Locator("[data-test=bulk-bar]")).ToHaveCountAsync(0); // the selection is cleared once queued

        foreach (var cpe in cpes)
        {
            await cpe.PeriodicInformAsync(CancellationToken.None);
        }

        await Expect(progress.Locator("[data-test=bulk-done]")).ToHaveTextAsync("3");
        await Expect(progress.Locator("[data-test=bulk-queued]")).ToHaveTextAsync("0");
        await Expect(progress).ToHaveAttributeAsync("data-finished", "true");
        await Expect(progress.Locator("[data-test=bulk-state]")).ToHaveTextAsync("All tasks finished.");
    }

    [Fact]
    public async Task All_devices_matching_a_tag_beyond_the_first_page_are_selected_counted_and_queued()
    {
        var u = Unique();
        var tenant = await portal.Admin.CreateTenantAsync(new CreateTenantRequest("bulk-" + u, null));
        var op = "bulk-op-" + u;
        await portal.Admin.CreateUserAsync(new CreateUserRequest(op, PortalFixture.UserPassword, "operator", tenant.Id));
        var tag = "fleet" + u;
        await portal.Admin.ImportDevicesAsync(PortalFixture.Csv(tag, "00AA" + u[..2].ToUpperInvariant(), 75), tenant.Id);
        await portal.Admin.ImportDevicesAsync(PortalFixture.Csv("spare" + u, "00BB" + u[..2].ToUpperInvariant(), 4), tenant.Id);

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(op, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GotoAsync($"/devices?tag={tag}");
        await Expect(page.Locator("[data-test=range]")).ToHaveTextAsync("1–50 of 75");
        await page.Locator("[data-test=pick-page]").CheckAsync();
        await Expect(page.Locator("[data-test=bulk-count]")).ToHaveTextAsync("50 devices selected");
        await page.Locator("[data-test=bulk-select-all]").ClickAsync();
        await Expect(page.Locator("[data-test=bulk-count]")).ToHaveTextAsync("75 devices selected (all matching this filter)");
        await page.Locator("[data-test=bulk-refresh]").ClickAsync();

        var progress = page.Locator("[data-test=bulk-progress]");
        await Expect(progress).ToContainTextAsync("refresh on 75 devices");
        await Expect(progress).ToContainTextAsync($"tag={tag}");
        await Expect(progress.Locator("[data-test=bulk-queued]")).ToHaveTextAsync("75");
        await Screenshots.ShotAsync(page, "bulk");

        var spare = (await portal.Admin.ListDevicesAsync(q: "spare" + u)).Items;
        Assert.Equal(4, spare.Count);
        foreach (var d in spare)
        {
            Assert.Empty(await portal.Admin.ListTasksAsync(d.Id));
        }

        // Two ticked rows, factory reset: confirmed with the count, queued for those two only.
        await page.GotoAsync("/devices?tag=spare" + u);
        await Expect(page.Locator("[data-test=device-row]")).ToHaveCountAsync(4);
        await page.Locator("[data-test=pick]").Nth(0).CheckAsync();
        await page.Locator("[data-test=pick]").Nth(1).CheckAsync();
        await page.Locator("[data-test=bulk-factory-reset]").ClickAsync();
        await Expect(page.Locator("[data-test=bulk-bar]")).ToContainTextAsync("Factory reset erases the configuration of 2 devices?");
        await page.Locator("[data-test=bulk-confirm]").ClickAsync();
        await Expect(progress).ToContainTextAsync("factory-reset on 2 devices");
        var reset = new List<string>();
        foreach (var d in spare)
        {
            reset.AddRange((await portal.Admin.ListTasksAsync(d.Id)).Select(t => t.Kind));
        }

        Assert.Equal(["factory-reset", "factory-reset"], reset);
    }

    [Fact]
    public async Task Set_a_value_on_selected_devices_queues_a_set_task_with_the_path_and_value()
    {
        var u = Unique();
        var tenant = await portal.Admin.CreateTenantAsync(new CreateTenantRequest("set-" + u, null));
        var op = "set-op-" + u;
        await portal.Admin.CreateUserAsync(new CreateUserRequest(op, PortalFixture.UserPassword, "operator", tenant.Id));
        await portal.Admin.ImportDevicesAsync(PortalFixture.Csv("set" + u, "00CC" + u[..2].ToUpperInvariant(), 2), tenant.Id);

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(op, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GotoAsync("/devices");
        await Expect(page.Locator("[data-test=device-row]")).ToHaveCountAsync(2);
        await page.Locator("[data-test=pick-page]").CheckAsync();
        await page.Locator("[data-test=bulk-set]").ClickAsync();
        await page.GetByLabel("Parameter path").FillAsync("Device.ManagementServer.PeriodicInformInterval");
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync("600");
        await page.Locator("[data-test=bulk-set-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=bulk-progress]")).ToContainTextAsync("set on 2 devices");

        foreach (var d in (await portal.Admin.ListDevicesAsync(q: "set" + u)).Items)
        {
            var task = Assert.Single(await portal.Admin.ListTasksAsync(d.Id));
            Assert.Equal("600", task.Arguments!.Value.GetProperty("values").GetProperty("Device.ManagementServer.PeriodicInformInterval").GetString());
        }
    }

    [Fact]
    public async Task The_device_page_queues_a_confirmed_factory_reset_and_a_viewer_gets_no_bulk_selection()
    {
        var u = Unique();
        var tenant = await portal.Admin.CreateTenantAsync(new CreateTenantRequest("fr-" + u, null));
        var op = "fr-op-" + u;
        var viewer = "fr-view-" + u;
        await portal.Admin.CreateUserAsync(new CreateUserRequest(op, PortalFixture.UserPassword, "operator", tenant.Id));
        await portal.Admin.CreateUserAsync(new CreateUserRequest(viewer, PortalFixture.UserPassword, "viewer", tenant.Id));
        var device = await portal.Admin.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", "fr-box-" + u)], "fr-box-" + u, TenantId: tenant.Id));

        await using (var tab = await portal.OpenAsync())
        {
            await tab.SignInAsync(op, PortalFixture.UserPassword);
            await tab.Page.GotoAsync($"/devices/{device.Id}");
            await tab.Page.Locator("[data-test=action-factory-reset]").ClickAsync();
            await Expect(tab.Page.GetByRole(AriaRole.Group, new() { Name = "Confirm factory reset" })).ToContainTextAsync($"Erase all configuration of fr-box-{u}?");
            Assert.Empty(await portal.Admin.ListTasksAsync(device.Id)); // nothing before the confirmation
            await tab.Page.Locator("[data-test=confirm-factory-reset]").ClickAsync();
            await Expect(tab.Page.Locator("[data-test=action-notice]")).ToContainTextAsync($"Queued a factory reset of fr-box-{u}");
            await Expect(tab.Page.Locator("[data-test=task-row]").First).ToContainTextAsync("factory-reset");
        }

        Assert.Equal(["factory-reset"], (await portal.Admin.ListTasksAsync(device.Id)).Select(t => t.Kind));

        await using var view = await portal.OpenAsync();
        await view.SignInAsync(viewer, PortalFixture.UserPassword);
        await view.Page.GotoAsync("/devices");
        await Expect(view.Page.Locator("[data-test=device-row]")).ToHaveCountAsync(1);
        await Expect(view.Page.Locator("[data-test=pick]")).ToHaveCountAsync(0);
        await Expect(view.Page.Locator("[data-test=pick-page]")).ToHaveCountAsync(0);
    }
}
