namespace Qdms.Server.Tests.Snmp;

/// <summary>Polls a condition until it holds or a deadline passes (the engine works in the background).</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 30, Func<T, string>? describe = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T value;
        while (!done(value = await read()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {seconds} s: {what}. Last seen: {(describe is null ? value : describe(value))}");
            }

            await Task.Delay(100);
        }

        return value;
    }
}
