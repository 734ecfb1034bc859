namespace Qdms.Protocols.Snmp.Tests;

/// <summary>Waits for a condition with a bounded deadline (instead of sleeping a guessed time).</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(5);
        }
    }
}
