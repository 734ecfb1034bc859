using Microsoft.Playwright;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using Qdms.Testing;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>The SNMP page (profiles and assignments) and the device page's SNMP walk against a real net-snmp agent.</summary>
[Collection(PortalCollection.Name)]
public sealed class SnmpTests(PortalFixture portal)
{
    private const string SystemGroup = "1.3.6.1.2.1.1";
    private const string SysDescr = "1.3.6.1.2.1.1.1.0";
    private const string SysName = "1.3.6.1.2.1.1.5.0";

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task An_operator_creates_a_profile_past_a_field_error_assigns_it_to_a_device_and_a_tag_and_removes_the_assignment()
    {
        var name = Unique("portal-prof");
        var tag = Unique("snmp-tag");
        var device = Assert.Single((await portal.Admin.ListDevicesAsync(q: "acme-gw-0007")).Items);
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "SNMP" }).ClickAsync();
        await Expect(page.Locator("[data-test=profile-row][data-profile=mib2-system]")).ToContainTextAsync("built-in");

        await page.Locator("[data-test=profile-new]").ClickAsync();
        var form = page.Locator("[data-test=profile-form]");
        await form.Locator("[data-test=profile-name]").FillAsync(name);
        await form.Locator("[data-test=profile-interval]").FillAsync("120");
        await form.GetByLabel("Scalar 1 OID").FillAsync("1.3.6.1.x.5.0");
        await form.GetByLabel("Scalar 1 name").FillAsync("sysName");
        await form.Locator("[data-test=add-scalar]").ClickAsync();
        await form.GetByLabel("Scalar 2 OID").FillAsync("1.3.6.1.2.1.1.3.0");
        await form.GetByLabel("Scalar 2 name").FillAsync("sysUpTime");
        await form.GetByLabel("Scalar 2 measure").SelectOptionAsync("gauge");
        await form.GetByLabel("Scalar 2 metric").FillAsync("snmp.sysUpTime");
        await form.GetByLabel("Scalar 2 scale").FillAsync("0.01");

        tab.ExpectFailedResponse(400);
        await form.Locator("[data-test=profile-save]").ClickAsync();
        var firstRow = form.Locator("[data-test=scalar-row]").First;
        await Expect(firstRow.Locator("[data-test=field-error]")).ToContainTextAsync("is not an OID");
        await Expect(form.Locator("[data-test=field-error]")).ToHaveCountAsync(1);

        await form.GetByLabel("Scalar 1 OID").FillAsync(SysName);
        await form.Locator("[data-test=profile-save]").ClickAsync();
        await Expect(page.Locator("[data-test=profile-message]")).ToContainTextAsync($"Saved profile {name} (every 120 s)");
        var row = page.Locator($"[data-test=profile-row][data-profile='{name}']");
        await Expect(row.Locator("[data-test=profile-objects]")).ToHaveTextAsync("sysName, sysUpTime");
        await Expect(row.Locator("[data-test=profile-interval-cell]")).ToHaveTextAsync("120 s");

        var saved = Assert.Single(await portal.Admin.ListSnmpProfilesAsync(), p => p.Name == name);
        Assert.Equal((portal.Acme.Id, 120), (saved.TenantId, saved.IntervalSeconds));
        Assert.Equal(new[] { (SysName, "sysName", "none"), ("1.3.6.1.2.1.1.3.0", "sysUpTime", "gauge") }, saved.Scalars.Select(s => (s.Oid, s.Name, s.Kind ?? "")));
        Assert.Equal(("snmp.sysUpTime", 0.01), (saved.Scalars[1].Metric, saved.Scalars[1].Scale));

        // Assign to one device (picked by search) and to a tag.
        var assignments = page.Locator("[data-test=assignments]");
        await assignments.Locator("[data-test=assign-open]").ClickAsync();
        await assignments.Locator("[data-test=assign-profile]").SelectOptionAsync(name);
        await assignments.Locator("[data-test=picker-input]").FillAsync(device.Name);
        await assignments.Locator("[data-test=picker-option]", new() { HasText = device.Name }).ClickAsync();
        await assignments.Locator("[data-test=assign-save]").ClickAsync();
        await Expect(assignments.Locator("[data-test=assign-message]")).ToContainTextAsync($"Assigned {name} to {device.Name}");
        var deviceRow = assignments.Locator($"[data-test=assignment-row][data-profile='{name}']", new() { HasText = device.Name });
        await Expect(deviceRow).ToHaveCountAsync(1);

        await assignments.Locator("[data-test=assign-open]").ClickAsync();
        await assignments.Locator("[data-test=assign-profile]").SelectOptionAsync(name);
        await assignments.Locator("[data-test=assign-to-tag]").CheckAsync();
        await assignments.Locator("[data-test=assign-tag]").FillAsync(tag);
        await assignments.Locator("[data-test=assign-save]").ClickAsync();
        await Expect(assignments.Locator($"[data-test=assignment-row][data-profile='{name}']", new() { HasText = tag })).ToHaveCountAsync(1);

        var mine = (await portal.Admin.ListSnmpAssignmentsAsync()).Where(a => a.Profile == name).ToList();
        Assert.Equal(2, mine.Count);
        var toDevice = Assert.Single(mine, a => a.DeviceId == device.Id);
        Assert.Single(mine, a => a.Tag == tag && a.TenantId == portal.Acme.Id);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await Screenshots.ShotAsync(page, "snmp");

        // Remove the device's assignment (confirmed): gone from the page and from the API; the tag's stays.
        await deviceRow.Locator("[data-test=assignment-remove]").ClickAsync();
        await deviceRow.Locator("[data-test=assignment-remove-confirm]").ClickAsync();
        await Expect(deviceRow).ToHaveCountAsync(0);
        var left = (await portal.Admin.ListSnmpAssignmentsAsync()).Where(a => a.Profile == name).ToList();
        Assert.DoesNotContain(left, a => a.Id == toDevice.Id);
        Assert.Single(left, a => a.Tag == tag);

        // Deleting the profile takes its remaining assignment with it.
        await row.Locator("[data-test=profile-delete]").ClickAsync();
        await row.Locator("[data-test=profile-delete-confirm]").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(assignments.Locator($"[data-test=assignment-row][data-profile='{name}']")).ToHaveCountAsync(0);
        Assert.DoesNotContain(await portal.Admin.ListSnmpProfilesAsync(), p => p.Name == name);
        Assert.DoesNotContain(await portal.Admin.ListSnmpAssignmentsAsync(), a => a.Profile == name);
    }

    [Fact]
    public async Task An_snmp_walk_from_the_device_page_shows_what_a_real_agent_answered()
    {
        using var snmpd = new SnmpdAgent();
        await using var engine = await SimulatedSnmp.StartAsync(portal.Admin);
        var created = await portal.Admin.CreateSnmpDeviceAsync(
            new CreateSnmpDeviceRequest("127.0.0.1", "2c", snmpd.Port, "public", Name: Unique("snmp-walk"))); // the default tenant: Acme's device count stays as seeded
        var agent = $"127.0.0.1:{snmpd.Port}";
        var sysDescr = SnmpdAgent.Tool("snmpget", "-v2c", "-c", "public", "-Oqv", agent, SysDescr).Trim().Trim('"');
        var walked = SnmpdAgent.Tool("snmpbulkwalk", "-v2c", "-c", "public", "-On", agent, SystemGroup).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var page = tab.Page;
        await page.GotoAsync($"/devices/{created.Device.Id}");
        await page.Locator("[data-test=action-snmp-walk]").ClickAsync();
        var dialog = page.Locator("[data-test=snmp-walk]");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("[data-test=walk-root]")).ToHaveValueAsync(SystemGroup);
        await dialog.Locator("[data-test=walk-start]").ClickAsync();

        await Expect(dialog.Locator("[data-test=walk-status] [data-test=badge]")).ToHaveTextAsync("done", new() { Timeout = 30_000 });
        await Expect(dialog.Locator($"[data-test=walk-row][data-oid='{SysName}']")).ToContainTextAsync("qdms-snmp-peer");
        await Expect(dialog.Locator($"[data-test=walk-row][data-oid='{SysDescr}']")).ToContainTextAsync(sysDescr);
        await Expect(dialog.Locator("[data-test=walk-row]")).ToHaveCountAsync(walked);
        var task = (await portal.Admin.ListTasksAsync(created.Device.Id)).Single(t => t.Kind == "refresh");
        Assert.Equal(walked, task.Result!.Value.GetProperty("count").GetInt32());

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(dialog).Not.ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=tab-parameters]")).ToContainTextAsync($"({walked})"); // the page reloaded the walked values
        await portal.Admin.DeleteDeviceAsync(created.Device.Id);
    }

    [Fact]
    public async Task A_walk_of_an_agent_that_does_not_answer_says_why_and_a_device_without_snmp_has_no_walk()
    {
        await using var engine = await SimulatedSnmp.StartAsync(portal.Admin);
        var created = await portal.Admin.CreateSnmpDeviceAsync(
            new CreateSnmpDeviceRequest("127.0.0.1", "2c", SnmpdAgent.DeadPort(), "public", Name: Unique("snmp-dead")));
        var cpe = Assert.Single((await portal.Admin.ListDevicesAsync(q: "acme-gw-0042")).Items);

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var page = tab.Page;
        await page.GotoAsync($"/devices/{created.Device.Id}");
        await page.Locator("[data-test=action-snmp-walk]").ClickAsync();
        var dialog = page.Locator("[data-test=snmp-walk]");
        await dialog.Locator("[data-test=walk-start]").ClickAsync();
        await Expect(dialog.Locator("[data-test=walk-status] [data-test=badge]")).ToHaveTextAsync("failed", new() { Timeout = 30_000 });
        await Expect(dialog.Locator("[data-test=walk-error]")).ToContainTextAsync("timeout");
        await Expect(dialog.Locator("[data-test=walk-table]")).ToHaveCountAsync(0);
        await portal.Admin.DeleteDeviceAsync(created.Device.Id);

        await page.GotoAsync($"/devices/{cpe.Id}");
        await Expect(page.Locator("[data-test=device-name]")).ToContainTextAsync(cpe.Name);
        await Expect(page.Locator("[data-test=action-refresh]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=action-snmp-walk]")).ToHaveCountAsync(0);
    }
}
