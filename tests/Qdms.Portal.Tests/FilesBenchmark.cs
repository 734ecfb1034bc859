using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Qdms.Client;
using Qdms.Portal.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Qdms.Portal.Tests;

/// <summary>
/// The Files page's CRC-32 in Chromium (Web Worker, slicing-by-8, 4 MiB chunks) on a 50 MiB file, next to the .NET
/// CRC-32 of the same bytes, and the time from "Upload and register" to the page's confirmation (loopback, SQLite).
/// </summary>
public sealed class FilesBenchmark(ITestOutputHelper output)
{
    private const int Size = 50 * 1024 * 1024;
    private const int Runs = 5;

    [BenchmarkFact]
    public async Task Browser_CRC32_and_upload_of_50_MiB()
    {
        await PortalBuild.EnsureAsync();
        await using var server = await ServerUnderTest.StartAsync();
        var admin = await server.ClientAsync();
        var path = Path.Combine(Path.GetTempPath(), $"qdms-files-bench-{Guid.NewGuid():N}.bin");
        var content = new byte[Size];
        new Random(42).NextBytes(content);
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var expected = $"0x{await QdmsClient.ComputeCrc32Async(new MemoryStream(content)):X8}";
            var dotnet = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var sw = Stopwatch.StartNew();
                await QdmsClient.ComputeCrc32Async(new MemoryStream(content));
                dotnet.Add(sw.Elapsed.TotalMilliseconds);
            }

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(PortalFixture.ChromiumOptions());
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = server.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            });
            context.SetDefaultTimeout(120_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/sign-in");
            await page.GetByLabel("User name").FillAsync("admin");
            await page.GetByLabel("Password").FillAsync(ServerUnderTest.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

            var browserCrc = new List<double>();
            var upload = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                await page.GotoAsync("/files");
                await page.Locator("[data-test=register-open]").ClickAsync();
                await page.Locator("[data-test=file-input]").SetInputFilesAsync(path);
                await Expect(page.Locator("[data-test=crc-value]")).ToHaveTextAsync(expected);
                browserCrc.Add(double.Parse((await page.Locator("[data-test=crc-speed]").GetAttributeAsync("data-crc-millis"))!, CultureInfo.InvariantCulture));

                await page.Locator("[data-test=field-version]").FillAsync($"bench-{i}");
                await page.Locator("[data-test=field-provision]").FillAsync("bench");
                await page.Locator("[data-test=field-update]").FillAsync("bench");
                var sw = Stopwatch.StartNew();
                await page.Locator("[data-test=register-submit]").ClickAsync();
                await Expect(page.Locator("[data-test=files-message]")).ToContainTextAsync("Registered");
                upload.Add(sw.Elapsed.TotalMilliseconds);
            }

            var mb = Size / 1e6;
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"50 MiB ({Size:N0} bytes), median of {Runs}:");
            report.AppendLine("| step | ms | MB/s |");
            report.AppendLine("|---|---:|---:|");
            report.AppendLine(CultureInfo.InvariantCulture, $"| CRC-32 in Chromium (Web Worker, slicing-by-8, 4 MiB chunks) | {Median(browserCrc):F0} | {mb / (Median(browserCrc) / 1000):F0} |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| CRC-32 in .NET (`QdmsClient.ComputeCrc32Async`, same bytes) | {Median(dotnet):F0} | {mb / (Median(dotnet) / 1000):F0} |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| upload + server CRC/SHA-256 + register, click to confirmation | {Median(upload):F0} | {mb / (Median(upload) / 1000):F0} |");
            report.AppendLine(CultureInfo.InvariantCulture, $"browser CRC runs (ms): {string.Join(", ", browserCrc.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}");
            output.WriteLine(report.ToString());
            if (Environment.GetEnvironmentVariable("QDMS_FILES_BENCH_OUT") is { Length: > 0 } file)
            {
                await File.WriteAllTextAsync(file, report.ToString());
            }

            await context.DisposeAsync();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
