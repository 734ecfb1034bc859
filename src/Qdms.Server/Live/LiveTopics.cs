using Qdms.Core.Errors;
using Qdms.Core.Live;

namespace Qdms.Server.Live;

/// <summary>The message types of the live stream, and the <c>topics</c> filter that picks some of them.</summary>
internal static class LiveTopics
{
    public const string Device = "device";
    public const string Task = "task";
    public const string Event = "event";
    public const string Engine = "engine";

    public static IReadOnlyList<string> All { get; } = [Device, Task, Event, Engine];

    /// <summary>A comma-separated list of topics; empty or absent means all. Unknown names are a 400 naming <c>topics</c>.</summary>
    public static IReadOnlyList<string> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var topics = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var topic = part.ToLowerInvariant();
            if (!All.Contains(topic))
            {
                throw new ValidationException("topics", $"topic '{part}' is not one of {string.Join(", ", All)}.");
            }

            if (!topics.Contains(topic))
            {
                topics.Add(topic);
            }
        }

        return topics.Count == 0 ? All : topics;
    }

    public static string Of(LiveChange change) => change switch
    {
        DeviceChanged => Device,
        TaskChanged => Task,
        EventAdded => Event,
        EngineChanged => Engine,
        _ => "",
    };
}
