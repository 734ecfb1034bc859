namespace Qdms.Agent;

/// <summary>
/// The agent's log: single lines on standard error with a UTC timestamp, a level and an event id (journald adds its own
/// fields). Tests pass <see cref="None"/>.
/// </summary>
internal class AgentLog
{
    public static AgentLog None { get; } = new Silent();

    public virtual void Warn(int eventId, string message) => Write("warn", eventId, message);

    public virtual void Info(int eventId, string message) => Write("info", eventId, message);

    private static void Write(string level, int eventId, string message) =>
        Console.Error.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {level}: qdms-agent[{eventId}] {message}");

    private sealed class Silent : AgentLog
    {
        public override void Warn(int eventId, string message)
        {
        }

        public override void Info(int eventId, string message)
        {
        }
    }
}
