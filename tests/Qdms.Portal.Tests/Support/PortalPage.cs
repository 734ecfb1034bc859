using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Qdms.Portal.Tests.Support;

/// <summary>
/// A page in its own browser context, recording every console error and uncaught exception; <see cref="DisposeAsync"/>
/// fails the test if any occurred. A test that provokes an HTTP error on purpose (a refused token, another tenant's id)
/// names that status with <see cref="ExpectFailedResponse"/>; Chromium's "Failed to load resource" line for it is then
/// allowed, nothing else.
/// </summary>
public sealed partial class PortalPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];
    private readonly HashSet<int> _expectedStatuses = [];

    private PortalPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add("uncaught: " + error);
            }
        };
    }

    public IPage Page { get; }

    public static async Task<PortalPage> OpenAsync(IBrowser browser, Uri baseAddress, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(ExpectTimeout.Milliseconds);
        return new PortalPage(context, await context.NewPageAsync());
    }

    public void ExpectFailedResponse(int status) => _expectedStatuses.Add(status);

    /// <summary>Signs in through the form and waits for the dashboard.</summary>
    public async Task SignInAsync(string username, string password)
    {
        await Page.GotoAsync("/sign-in");
        await Page.GetByLabel("User name").FillAsync(username);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
    }

    public IReadOnlyList<string> UnexpectedErrors()
    {
        lock (_errors)
        {
            return _errors.Where(e => !IsExpected(e)).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        var errors = UnexpectedErrors();
        await _context.DisposeAsync();
        Assert.True(errors.Count == 0, "The browser console had errors:\n" + string.Join("\n", errors));
    }

    private bool IsExpected(string error)
    {
        var m = FailedResource().Match(error);
        return m.Success && _expectedStatuses.Contains(int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^Failed to load resource: the server responded with a status of (?<status>\d{3})")]
    private static partial Regex FailedResource();
}
