using System.Collections.Concurrent;

namespace Qdms.Scenarios.Running;

/// <summary>The protocol decoders a scenario can name (<c>decoder: at</c>); hosts may register more before parsing.</summary>
public static class FrameDecoders
{
    private static readonly ConcurrentDictionary<string, IFrameDecoder> Registered = new(StringComparer.Ordinal)
    {
        ["at"] = new AtResponseDecoder(),
        ["kv"] = new KeyValueDecoder(),
    };

    /// <summary>The registered names.</summary>
    public static IEnumerable<string> Names => Registered.Keys.Order(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is registered.</summary>
    public static bool IsKnown(string name) => Registered.ContainsKey(name);

    /// <summary>The decoder named <paramref name="name"/>.</summary>
    public static IFrameDecoder Get(string name) => Registered[name];

    /// <summary>Adds or replaces a decoder.</summary>
    public static void Register(string name, IFrameDecoder decoder) => Registered[name] = decoder;
}
