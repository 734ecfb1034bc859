using Qdms.Core.Errors;

namespace Qdms.Core.Engines;

/// <summary>The engine types registered in DI, by name. Two types with one name, or a badly formed name, stop start-up.</summary>
public sealed class EngineTypeRegistry
{
    private readonly SortedDictionary<string, IDmEngineType> _types = new(StringComparer.Ordinal);

    public EngineTypeRegistry(IEnumerable<IDmEngineType> types)
    {
        foreach (var type in types)
        {
            if (!IsValidName(type.Name))
            {
                throw new InvalidOperationException($"Engine type {type.GetType().Name} has the name '{type.Name}'; names are lower-case letters, digits and '-', starting with a letter.");
            }

            if (!_types.TryAdd(type.Name, type))
            {
                throw new InvalidOperationException($"Two engine types are named '{type.Name}': {_types[type.Name].GetType().Name} and {type.GetType().Name}.");
            }
        }
    }

    /// <summary>Every type, by name.</summary>
    public IReadOnlyList<IDmEngineType> All => [.. _types.Values];

    public bool TryGet(string name, out IDmEngineType type) => _types.TryGetValue(name, out type!);

    /// <summary>The type called <paramref name="name"/>; otherwise a 400 that names the known types.</summary>
    public IDmEngineType Get(string name) =>
        TryGet(name, out var type)
            ? type
            : throw new ValidationException("type", $"Unknown engine type '{name}'; known types: {(_types.Count == 0 ? "none" : string.Join(", ", _types.Keys))}.");

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 32 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
