using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using Qdms.Client;
using Qdms.Portal.Tests.Support;
using Qdms.Testing;
using Xunit.Abstractions;

namespace Qdms.Portal.Tests;

/// <summary>
/// Time to first render of the dashboard and of the device list with 100,000 devices (imported as one CSV), in Chromium:
/// from navigation start (performance.now() = 0) to the moment the page shows its data. Also the bundle sizes. SQLite, or
/// PostgreSQL with <c>QDMS_PORTAL_BENCH_DB=postgres</c> (a database of the tests' own cluster, or QDMS_TEST_POSTGRES).
/// </summary>
public sealed class PortalBenchmark(ITestOutputHelper output)
{
    private const int Devices = 100_000;
    private const int Runs = 7;

    [BenchmarkFact]
    public async Task First_render_with_100000_devices()
    {
        await PortalBuild.EnsureAsync();
        var postgres = Environment.GetEnvironmentVariable("QDMS_PORTAL_BENCH_DB") == "postgres" ? await PostgresServer.CreateDatabaseAsync() : null;
        var settings = postgres is null ? null : new Dictionary<string, string> { ["Qdms__Storage__ConnectionString"] = postgres };
        await using var server = await ServerUnderTest.StartAsync(settings);
        var admin = await server.ClientAsync();
        var import = Stopwatch.StartNew();
        await admin.ImportDevicesAsync(PortalFixture.Csv("bench-gw", "00259E", Devices));
        import.Stop();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{(postgres is null ? "SQLite" : "PostgreSQL")}: imported {Devices:N0} devices in {import.Elapsed.TotalSeconds:F1} s.");
        var token = (await admin.LoginAsync("admin", ServerUnderTest.AdminPassword)).Token;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(PortalFixture.ChromiumOptions());
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        var me = await admin.MeAsync();
        await page.EvaluateAsync("([token, user]) => localStorage.setItem('qdms.session', JSON.stringify({ token, expiresAt: null, user }))",
            new object[] { token, new { id = me.Id, username = me.Username, role = me.Role, tenantId = me.TenantId, disabled = false, createdAt = me.CreatedAt } });

        var total = Devices.ToString("N0", CultureInfo.InvariantCulture);
        var cases = new (string Name, string Url, string Ready)[]
        {
            ("dashboard, figures (the four tiles)", "/",
                $"() => document.querySelector('[data-test=tile-total] [data-test=tile-value]')?.textContent === '{total}'"),
            ("dashboard (4 charts, engines, events)", "/",
                $"() => document.querySelector('[data-test=tile-total] [data-test=tile-value]')?.textContent === '{total}' && document.querySelectorAll('[data-test^=chart-] canvas').length === 4"),
            ("device list, page 1", "/devices", "() => document.querySelectorAll('[data-test=device-row]').length === 50"),
            ("device list, page 1,000", "/devices?page=1000", "() => document.querySelector('[data-test=range]')?.textContent.startsWith('49,951')"),
            ("device list, search q=bench-gw-0777", "/devices?q=bench-gw-0777", "() => document.querySelectorAll('[data-test=device-row]').length === 1"),
            ("device list, model=GW-200", "/devices?model=GW-200", "() => document.querySelectorAll('[data-test=device-row]').length === 50"),
        };

        report.AppendLine("| page | first (cold cache) ms | median of the next 6 ms | DOMContentLoaded median ms | last API answer median ms |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (name, url, ready) in cases)
        {
            await context.ClearCookiesAsync();
            var times = new List<double>();
            var dcl = new List<double>();
            var api = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                if (i == 0)
                {
                    var cdp = await context.NewCDPSessionAsync(page);
                    await cdp.SendAsync("Network.clearBrowserCache");
                }

                await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
                await page.WaitForFunctionAsync(ready, null, new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 60_000 });
                times.Add(await page.EvaluateAsync<double>("() => performance.now()"));
                dcl.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"));
                api.Add(await page.EvaluateAsync<double>(
                    "() => Math.max(0, ...performance.getEntriesByType('resource').filter(e => e.name.includes('/api/v1/')).map(e => e.responseEnd))"));
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {times[0]:F0} | {Median(times.Skip(1)):F0} | {Median(dcl.Skip(1)):F0} | {Median(api.Skip(1)):F0} |");
        }

        report.AppendLine();
        report.AppendLine("API alone (median of 7, .NET client on loopback):");
        foreach (var (name, call) in new (string, Func<Task>)[]
        {
            ("GET /api/v1/devices/summary", () => admin.GetDeviceAggregatesAsync()),
            ("GET /api/v1/service/report", () => admin.ServiceReportAsync()),
            ("GET /api/v1/devices?page=1&size=50", () => admin.ListDevicesAsync(page: 1, size: 50)),
            ("GET /api/v1/devices?model=GW-200&size=50", () => admin.ListDevicesOfReleaseAsync("GW-200", null, 1, 50)),
        })
        {
            var ms = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var sw = Stopwatch.StartNew();
                await call();
                ms.Add(sw.Elapsed.TotalMilliseconds);
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {Median(ms):F1} ms");
        }

        report.AppendLine();
        report.Append(BundleSizes());
        output.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("QDMS_PORTAL_BENCH_OUT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report.ToString());
        }
    }

    private static string BundleSizes()
    {
        var assets = Path.Combine(RepoPaths.Root, "portal", "dist", "assets");
        long raw = 0, gzip = 0;
        var lines = new StringBuilder();
        foreach (var file in Directory.GetFiles(assets).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            using var buffer = new MemoryStream();
            using (var z = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                z.Write(bytes);
            }

            raw += bytes.Length;
            gzip += buffer.Length;
            lines.AppendLine(CultureInfo.InvariantCulture, $"- {Path.GetFileName(file)}: {bytes.Length / 1024.0:F1} KiB, gzip {buffer.Length / 1024.0:F1} KiB");
        }

        return $"Bundle: {raw / 1024.0:F1} KiB, gzip {gzip / 1024.0:F1} KiB in all\n" + lines;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
