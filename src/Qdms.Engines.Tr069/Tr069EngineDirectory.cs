using System.Collections.Concurrent;

namespace Qdms.Engines.Tr069;

/// <summary>The tr069 engines running in this process, by name (<c>alias#index</c>): added at start, removed at stop.</summary>
internal sealed class Tr069EngineDirectory
{
    private readonly ConcurrentDictionary<string, Tr069Engine> _engines = new(StringComparer.Ordinal);

    public void Add(Tr069Engine engine) => _engines[engine.Name] = engine;

    public void Remove(Tr069Engine engine) => _engines.TryRemove(new KeyValuePair<string, Tr069Engine>(engine.Name, engine));

    /// <summary>The running engine with instance number <paramref name="index"/>, if any.</summary>
    public Tr069Engine? Find(int index) =>
        _engines.Values.FirstOrDefault(e => e.Name.EndsWith("#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>Every running engine.</summary>
    public IReadOnlyList<Tr069Engine> All => [.. _engines.Values];
}
