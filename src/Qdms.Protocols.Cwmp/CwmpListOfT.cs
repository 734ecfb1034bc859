using System.Collections;
using System.Runtime.CompilerServices;

namespace Qdms.Protocols.Cwmp;

/// <summary>
/// An immutable list with value equality, so that message records holding lists compare by content.
/// Build one with a collection expression: <c>CwmpList&lt;string&gt; names = ["Device.", "InternetGatewayDevice."];</c>
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(CwmpList), nameof(CwmpList.Create))]
public sealed class CwmpList<T> : IReadOnlyList<T>, IEquatable<CwmpList<T>>
{
    private readonly T[] _items;

    internal CwmpList(T[] items) => _items = items;

    /// <summary>The empty list.</summary>
    public static CwmpList<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <summary>The items as a span.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>An allocation-free enumerator for <c>foreach</c>.</summary>
    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(CwmpList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CwmpList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
            hash.Add(item);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", _items)}]";

    /// <summary>Enumerates a <see cref="CwmpList{T}"/> without allocating.</summary>
    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The current item.</summary>
        public readonly T Current => _items[_index];

        /// <summary>Moves to the next item.</summary>
        public bool MoveNext() => ++_index < _items.Length;
    }
}
