using System.Diagnostics;
using Qdms.Testing;

namespace Qdms.Portal.Tests.Support;

/// <summary>Builds portal/dist through portal/build.sh (npm ci + vite build, skipped when it is up to date), once per test run.</summary>
public static class PortalBuild
{
    private static readonly Lazy<Task> Once = new(RunAsync);

    public static Task EnsureAsync() => Once.Value;

    private static async Task RunAsync()
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "portal", "build.sh"));
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"portal/build.sh failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
