namespace Qdms.Protocols.Cwmp;

/// <summary>Creates <see cref="CwmpList{T}"/> instances (the collection-expression builder).</summary>
public static class CwmpList
{
    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static CwmpList<T> Create<T>(ReadOnlySpan<T> items) =>
        items.IsEmpty ? CwmpList<T>.Empty : new CwmpList<T>(items.ToArray());

    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static CwmpList<T> From<T>(IEnumerable<T> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? CwmpList<T>.Empty : new CwmpList<T>(array);
    }

    internal static CwmpList<T> Wrap<T>(T[] items) => items.Length == 0 ? CwmpList<T>.Empty : new CwmpList<T>(items);
}
