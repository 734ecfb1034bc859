using System.Buffers.Binary;
using Microsoft.Playwright;

namespace Qdms.Portal.Tests.Support;

/// <summary>
/// Captures a page at its viewport size. <c>bash portal/screenshots.sh</c> sets <c>QDMS_SCREENSHOTS_DIR=docs/screenshots</c> to
/// refresh the README's pictures; otherwise they go to a temp directory, so a normal test run changes nothing in the tree.
/// </summary>
public static class Screenshots
{
    /// <summary>Saves <c>{name}.png</c> and checks it is 1280×800 (the size the README shows).</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        var configured = Environment.GetEnvironmentVariable("QDMS_SCREENSHOTS_DIR");
        var dir = configured is { Length: > 0 } ? Path.GetFullPath(configured) : Path.Combine(Path.GetTempPath(), "qdms-screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        var header = File.ReadAllBytes(path).AsSpan(0, 24);
        Assert.Equal((1280, 800), (BinaryPrimitives.ReadInt32BigEndian(header[16..]), BinaryPrimitives.ReadInt32BigEndian(header[20..])));
    }
}
