using System.Text.Json;
using Microsoft.Playwright;

namespace Qdms.Portal.Tests.Support;

/// <summary>Layout checks any page test can make: the phone-width rule of the portal (nothing scrolls sideways).</summary>
public static class Layout
{
    /// <summary>A phone's viewport in CSS pixels (iPhone 12–15), the narrow size the portal is built for.</summary>
    public const int PhoneWidth = 390;

    public const int PhoneHeight = 844;

    /// <summary>
    /// Asserts that the page is no wider than its viewport (<c>document.documentElement.scrollWidth &lt;= innerWidth</c>):
    /// wide content (tables, the navigation) must scroll inside its own box. On failure names the innermost elements that
    /// stick out, so the message says what to fix.
    /// </summary>
    public static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement>("""
            () => {
              const width = window.innerWidth
              const scrollWidth = document.documentElement.scrollWidth
              const out = []
              if (scrollWidth > width) {
                for (const e of document.body.querySelectorAll('*')) {
                  const r = e.getBoundingClientRect()
                  if (r.right <= width + 0.5 || r.width === 0) continue
                  if ([...e.children].some((c) => c.getBoundingClientRect().right > width + 0.5)) continue
                  const name = e.tagName.toLowerCase() + (e.dataset.test ? `[data-test=${e.dataset.test}]` : '') +
                    (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                  out.push(`${name} (right edge ${Math.round(r.right)} px): ${(e.textContent ?? '').trim().slice(0, 40)}`)
                  if (out.length === 8) break
                }
              }
              return { width, scrollWidth, path: location.pathname + location.search, out }
            }
            """);
        var width = result.GetProperty("width").GetInt32();
        var scrollWidth = result.GetProperty("scrollWidth").GetInt32();
        var offenders = result.GetProperty("out").EnumerateArray().Select(e => "  " + e.GetString());
        Assert.True(scrollWidth <= width,
            $"{result.GetProperty("path").GetString()} is {scrollWidth} px wide in a {width} px viewport; sticking out:\n{string.Join("\n", offenders)}");
    }
}
