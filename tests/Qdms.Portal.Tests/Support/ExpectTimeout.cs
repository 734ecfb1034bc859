using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Qdms.Portal.Tests.Support;

/// <summary>
/// Playwright's <c>Expect(…)</c> assertions wait up to 5 s by default, actions 20 s (<see cref="PortalPage"/>). On a 2-core CI
/// machine building and testing at once, 5 s is too short for a page to show what the test waits for; both wait as long.
/// The assertions still fail when the thing never appears: this bounds the wait, it asserts no timing.
/// </summary>
internal static class ExpectTimeout
{
    public const float Milliseconds = 20_000;

    [ModuleInitializer]
    internal static void Apply() => Assertions.SetDefaultExpectTimeout(Milliseconds);
}
