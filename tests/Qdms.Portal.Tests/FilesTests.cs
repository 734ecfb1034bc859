using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Portal.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>
/// The Files page (IF-03): registration with the CRC-32 computed in the browser and an upload progress bar, the server's
/// verdict on a wrong CRC, unregistering, download links, tenant scoping, and the device page's "Download a file…".
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FilesTests(PortalFixture portal)
{
    /// <summary>Upload bandwidth while the progress bar is watched: 3 MiB take about 3 s, so intermediate values render.</summary>
    private const int ThrottledBytesPerSecond = 1024 * 1024;

    // Records every value the upload progress bar shows, from its insertion to its removal.
    private const string RecordProgress = """
        () => {
          window.__progressSeen = [];
          const record = () => {
            const bar = document.querySelector('[data-test=upload-progress]');
            if (!bar) return;
            const value = Number(bar.getAttribute('value') ?? bar.value);
            const seen = window.__progressSeen;
            if (seen[seen.length - 1] !== value) seen.push(value);
          };
          new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
        }
        """;

    [Fact]
    public async Task A_file_registered_in_the_page_shows_upload_progress_and_the_server_verifies_the_browser_s_CRC()
    {
        var group = Unique("fw-line");
        var content = Content(3 * 1024 * 1024, seed: 7);
        var expectedCrc = await CrcOf(content);

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Files" }).ClickAsync();
        await Expect(page.Locator("[data-test=file-server-status]").First).ToHaveTextAsync("ok");
        await page.Locator("[data-test=register-open]").ClickAsync();

        await page.Locator("[data-test=file-input]").SetInputFilesAsync(new FilePayload { Name = "router-fw.bin", MimeType = "application/octet-stream", Buffer = content });
        await Expect(page.Locator("[data-test=crc-value]")).ToHaveTextAsync(expectedCrc);
        await Expect(page.Locator("[data-test=field-name]")).ToHaveValueAsync("router-fw.bin");
        await page.Locator("[data-test=field-type]").SelectOptionAsync("fw");
        await page.Locator("[data-test=field-version]").FillAsync("3.1.4");
        await page.Locator("[data-test=field-provision]").FillAsync(group);
        await page.Locator("[data-test=field-update]").FillAsync(group + "-u");

        var cdp = await ThrottleUploadsAsync(page, ThrottledBytesPerSecond);
        await page.EvaluateAsync(RecordProgress);
        await page.Locator("[data-test=register-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=upload-progress]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=files-message]")).ToContainTextAsync($"Registered router-fw.bin 3.1.4", new() { Timeout = 60_000 });
        await cdp.SendAsync("Network.emulateNetworkConditions", NetworkConditions(-1));

        var seen = await page.EvaluateAsync<double[]>("() => window.__progressSeen");
        Assert.Contains(100d, seen);
        Assert.Contains(seen, v => v is > 0 and < 100);
        Assert.Equal(seen.Order(), seen); // the bar only moves forward

        var stored = Assert.Single((await portal.Admin.ListFilesAsync(group: group)).Items);
        Assert.Equal((expectedCrc, content.Length, portal.Acme.Id, "fw"), (stored.Crc32, stored.Size, stored.TenantId, stored.Type));
        var row = page.Locator($"[data-test=file-row][data-file-id='{stored.Id}']");
        await Expect(row.Locator("[data-test=file-crc]")).ToHaveTextAsync(expectedCrc);
        await Expect(page.Locator("[data-test=files-message]")).ToContainTextAsync($"verified CRC-32 {expectedCrc}");
        await Screenshots.ShotAsync(page, "files");
    }

    [Fact]
    public async Task An_upload_cancelled_midway_registers_nothing_and_the_form_can_send_again()
    {
        var group = Unique("cancel");
        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GotoAsync("/files");
        await page.Locator("[data-test=register-open]").ClickAsync();
        await page.Locator("[data-test=file-input]").SetInputFilesAsync(new FilePayload { Name = "big.bin", MimeType = "application/octet-stream", Buffer = Content(2 * 1024 * 1024, 9) });
        await Expect(page.Locator("[data-test=crc-value]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0x[0-9A-F]{8}$"));
        await page.Locator("[data-test=field-version]").FillAsync("9");
        await page.Locator("[data-test=field-provision]").FillAsync(group);
        await page.Locator("[data-test=field-update]").FillAsync(group);

        await ThrottleUploadsAsync(page, 128 * 1024);
        await page.Locator("[data-test=register-submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-test=upload-progress]')?.getAttribute('value')) > 0");
        await page.Locator("[data-test=upload-progress-cancel]").ClickAsync();
        await Expect(page.Locator("[data-test=register-error]")).ToHaveTextAsync("Upload cancelled; nothing was registered.");
        await Expect(page.Locator("[data-test=upload-progress]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=register-submit]")).ToBeEnabledAsync();
        Assert.Empty((await portal.Admin.ListFilesAsync(group: group)).Items);
    }

    [Fact]
    public async Task A_CRC_that_does_not_match_the_content_is_refused_with_the_API_s_reason()
    {
        var group = Unique("bad-crc");
        var content = Content(64 * 1024, seed: 11);
        var realCrc = await CrcOf(content);
        var forged = realCrc == "0xDEADBEEF" ? "0xFEEDFACE" : "0xDEADBEEF";

        await using var tab = await portal.OpenAsync();
        tab.ExpectFailedResponse(422);
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        // Stands in for a corrupted upload: the page's CRC field is rewritten on the wire, so the server sees a mismatch.
        await page.RouteAsync("**/api/v1/files", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }

            var body = route.Request.PostDataBuffer!;
            var marker = Encoding.ASCII.GetBytes("name=\"crc\"\r\n\r\n");
            var at = body.AsSpan().IndexOf(marker) + marker.Length;
            Assert.Equal(realCrc, Encoding.ASCII.GetString(body, at, 10));
            Encoding.ASCII.GetBytes(forged).CopyTo(body, at);
            await route.ContinueAsync(new() { PostData = body });
        });

        await page.GotoAsync("/files");
        await page.Locator("[data-test=register-open]").ClickAsync();
        await page.Locator("[data-test=file-input]").SetInputFilesAsync(new FilePayload { Name = "cfg.xml", MimeType = "text/xml", Buffer = content });
        await Expect(page.Locator("[data-test=crc-value]")).ToHaveTextAsync(realCrc);
        await page.Locator("[data-test=field-type]").SelectOptionAsync("config");
        await page.Locator("[data-test=field-version]").FillAsync("1");
        await page.Locator("[data-test=field-provision]").FillAsync(group);
        await page.Locator("[data-test=field-update]").FillAsync(group);
        await page.Locator("[data-test=register-submit]").ClickAsync();

        await Expect(page.Locator("[data-test=register-error]")).ToHaveTextAsync(
            $"The server refused the file (422): CRC-32 mismatch: the request says {forged} but the content's CRC-32 is {realCrc}.");
        Assert.Empty((await portal.Admin.ListFilesAsync(group: group)).Items);
        await Expect(page.Locator("[data-test=register-submit]")).ToBeEnabledAsync(); // the form stays, to try again
    }

    [Fact]
    public async Task A_download_link_fetches_the_file_and_unregistering_asks_first_then_removes_it()
    {
        var group = Unique("unreg");
        var content = Content(20_000, seed: 3);
        var file = await RegisterAsync(portal.Admin, "old-fw.bin", group, content, portal.Acme.Id);

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
        var page = tab.Page;
        await page.GotoAsync("/files");
        await page.Locator("[data-test=filter-group]").FillAsync(group);
        var row = page.Locator($"[data-test=file-row][data-file-id='{file.Id}']");
        await Expect(page.Locator("[data-test=file-row]")).ToHaveCountAsync(1);

        await row.Locator("[data-test=file-link]").ClickAsync();
        var href = await page.Locator("[data-test=file-download]").GetAttributeAsync("href");
        Assert.Contains($"/files/{file.Id}/old-fw.bin?token=qdl_", href);
        var fetched = await page.APIRequest.GetAsync(href!);
        Assert.Equal(content, await fetched.BodyAsync());

        await row.Locator("[data-test=file-unregister]").ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Keep" }).ClickAsync();
        Assert.Single((await portal.Admin.ListFilesAsync(group: group)).Items);

        await row.Locator("[data-test=file-unregister]").ClickAsync();
        await row.Locator("[data-test=confirm-unregister]").ClickAsync();
        await Expect(page.Locator("[data-test=files-message]")).ToContainTextAsync($"Unregistered old-fw.bin 1.0 (file #{file.Id})");
        await Expect(page.Locator("[data-test=empty]")).ToHaveTextAsync("No file matches these filters.");
        var gone = await Assert.ThrowsAsync<QdmsApiException>(() => portal.Admin.GetFileAsync(file.Id));
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public async Task A_tenant_user_sees_only_its_tenant_s_files_and_a_viewer_cannot_change_them()
    {
        var group = Unique("scoped");
        var mine = await RegisterAsync(portal.Admin, "acme.bin", group, Content(1000, 1), portal.Acme.Id);
        var theirs = await RegisterAsync(portal.Admin, "globex-secret.bin", group, Content(1000, 2), portal.Globex.Id);

        await using (var tab = await portal.OpenAsync())
        {
            await tab.SignInAsync(PortalFixture.AcmeOperator, PortalFixture.UserPassword);
            await tab.Page.GotoAsync("/files");
            await tab.Page.Locator("[data-test=filter-group]").FillAsync(group);
            await Expect(tab.Page.Locator("[data-test=file-row]")).ToHaveCountAsync(1);
            await Expect(tab.Page.Locator("[data-test=file-row] [data-test=file-name]")).ToHaveTextAsync("acme.bin");
            await Expect(tab.Page.Locator("[data-test=file-tenant]")).ToHaveCountAsync(0);
        }

        await using (var sysop = await portal.OpenAsync())
        {
            await sysop.SignInAsync("admin", ServerUnderTest.AdminPassword);
            await sysop.Page.GotoAsync("/files");
            await sysop.Page.Locator("[data-test=filter-group]").FillAsync(group);
            await Expect(sysop.Page.Locator("[data-test=file-row]")).ToHaveCountAsync(2);
            await Expect(sysop.Page.Locator($"[data-file-id='{mine.Id}'] [data-test=file-tenant]")).ToHaveTextAsync("Acme Networks");
            await Expect(sysop.Page.Locator($"[data-file-id='{theirs.Id}'] [data-test=file-tenant]")).ToHaveTextAsync("Globex");
        }

        var viewer = "acme-files-viewer-" + Guid.NewGuid().ToString("N")[..6];
        await portal.Admin.CreateUserAsync(new CreateUserRequest(viewer, PortalFixture.UserPassword, "viewer", portal.Acme.Id));
        await using var view = await portal.OpenAsync(390, 844); // and on a phone
        await view.SignInAsync(viewer, PortalFixture.UserPassword);
        await view.Page.GotoAsync("/files");
        await view.Page.Locator("[data-test=filter-group]").FillAsync(group);
        await Expect(view.Page.Locator("[data-test=file-row]")).ToHaveCountAsync(1);
        await Expect(view.Page.Locator("[data-test=file-server]")).ToHaveCountAsync(1);
        await Expect(view.Page.Locator("[data-test=register-open]")).ToHaveCountAsync(0);
        await Expect(view.Page.Locator("[data-test=file-unregister], [data-test=file-link]")).ToHaveCountAsync(0);
        var overflow = await view.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var wide = await view.Page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth)
              .map(e => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).slice(0, 8).join('; ')
            """);
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone's screen: {wide}");
    }

    [Fact]
    public async Task Download_a_file_on_the_device_page_queues_a_download_task_that_the_CPE_completes()
    {
        using var acs = await SimulatedAcs.StartAsync(portal.Admin, portal.Server.BaseAddress);
        var cpe = acs.Cpe();
        await cpe.BootAsync(CancellationToken.None);
        var device = Assert.Single((await portal.Admin.ListDevicesAsync(q: cpe.Serial)).Items);
        var content = Content(50_000, seed: 5);
        var file = await RegisterAsync(portal.Admin, "gw-" + cpe.Serial + ".bin", Unique("dl"), content, device.TenantId);

        await using var tab = await portal.OpenAsync();
        await tab.SignInAsync("admin", ServerUnderTest.AdminPassword);
        var page = tab.Page;
        await page.GotoAsync($"/devices/{device.Id}");
        await page.Locator("[data-test=action-download]").ClickAsync();
        await page.Locator("[data-test=download-file]").SelectOptionAsync(file.Id.ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-test=download-queue]").ClickAsync();
        await Expect(page.Locator("[data-test=action-notice]")).ToContainTextAsync($"Queued a download of {file.FileName} 1.0 as task #");

        var task = Assert.Single(await portal.Admin.ListTasksAsync(device.Id), t => t.Kind == "download");
        Assert.Equal(file.Id, task.Arguments!.Value.GetProperty("fileId").GetInt64());
        var taskRow = page.Locator("[data-test=task-row]").First;
        await Expect(taskRow).ToContainTextAsync("download");
        await Expect(taskRow.Locator("[data-test=badge]")).ToHaveTextAsync("queued");

        await cpe.PeriodicInformAsync(CancellationToken.None);
        await Expect(taskRow.Locator("[data-test=badge]")).ToHaveTextAsync("done");
        var (url, bytes) = Assert.Single(cpe.Downloads);
        Assert.Equal($"/files/{file.Id}/{file.FileName}", url.AbsolutePath);
        Assert.Equal(content, bytes);
    }

    /// <summary>Limits the page's upload bandwidth through the DevTools protocol (downloads stay unlimited).</summary>
    private static async Task<ICDPSession> ThrottleUploadsAsync(IPage page, int bytesPerSecond)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", NetworkConditions(bytesPerSecond));
        return cdp;
    }

    /// <summary>CDP <c>Network.emulateNetworkConditions</c> arguments: no latency, unlimited downloads, uploads at the given rate (-1: unlimited).</summary>
    private static Dictionary<string, object> NetworkConditions(int uploadBytesPerSecond) => new()
    {
        ["offline"] = false,
        ["latency"] = 0,
        ["downloadThroughput"] = -1,
        ["uploadThroughput"] = uploadBytesPerSecond,
    };

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>Deterministic bytes that do not compress, so the upload really sends <paramref name="length"/> bytes.</summary>
    private static byte[] Content(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<string> CrcOf(byte[] content) =>
        $"0x{await QdmsClient.ComputeCrc32Async(new MemoryStream(content)):X8}";

    private static async Task<FileDto> RegisterAsync(QdmsClient client, string name, string group, byte[] content, long tenantId) =>
        await client.RegisterFileAsync(new MemoryStream(content), new RegisterFileRequest("fw", group, group, name, "1.0", TenantId: tenantId));
}
