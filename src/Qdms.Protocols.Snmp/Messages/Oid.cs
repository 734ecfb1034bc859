using System.Globalization;
using System.Text;
using Qdms.Protocols.Snmp.Ber;

namespace Qdms.Protocols.Snmp.Messages;

/// <summary>
/// An OBJECT IDENTIFIER value (RFC 2578 §3.5): two to 128 arcs of 32 bits, the first 0..2 and, below 2, the second 0..39.
/// Ordered lexicographically by arc, which is the order GETNEXT walks (RFC 3416 §4.2.2).
/// </summary>
public sealed class Oid : IEquatable<Oid>, IComparable<Oid>
{
    private readonly uint[] _arcs;

    /// <summary>Creates an OID from its arcs; throws <see cref="ArgumentException"/> when they break the rules above.</summary>
    public Oid(params ReadOnlySpan<uint> arcs)
    {
        if (Validate(arcs) is { } error)
            throw new ArgumentException(error, nameof(arcs));
        _arcs = arcs.ToArray();
    }

    internal Oid(uint[] arcs) => _arcs = arcs; // from the decoder, already valid

    /// <summary>The arcs.</summary>
    public ReadOnlyMemory<uint> Arcs => _arcs;

    /// <summary>The number of arcs.</summary>
    public int Length => _arcs.Length;

    /// <summary>Parses dotted form ("1.3.6.1.2.1.1.5.0", a leading dot allowed).</summary>
    public static Oid Parse(string text) =>
        TryParse(text, out var oid, out var error) ? oid : throw new FormatException($"'{text}' is not an OID: {error}");

    /// <summary>Parses dotted form; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, out Oid oid, out string error)
    {
        oid = null!;
        var parts = (text.StartsWith('.') ? text[1..] : text).Split('.');
        if (parts.Length > OidCodec.MaxArcs)
        {
            error = $"more than {OidCodec.MaxArcs} arcs";
            return false;
        }
        var arcs = new uint[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit) ||
                !uint.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out arcs[i]))
            {
                error = $"arc {i + 1} ('{parts[i]}') is not a number from 0 to {uint.MaxValue}";
                return false;
            }
        }
        if (Validate(arcs) is { } invalid)
        {
            error = invalid;
            return false;
        }
        oid = new Oid(arcs);
        error = "";
        return true;
    }

    private static string? Validate(ReadOnlySpan<uint> arcs)
    {
        if (arcs.Length < 2)
            return "an OID needs at least two arcs";
        if (arcs.Length > OidCodec.MaxArcs)
            return $"an OID has at most {OidCodec.MaxArcs} arcs";
        if (arcs[0] > 2)
            return "the first arc must be 0, 1 or 2";
        if (arcs[0] < 2 && arcs[1] > 39)
            return "below 2 the second arc must be at most 39";
        if (arcs[0] == 2 && arcs[1] > uint.MaxValue - 80)
            return "the second arc is too large to encode";
        return null;
    }

    /// <summary>True when this OID equals <paramref name="prefix"/> or lies beneath it.</summary>
    public bool StartsWith(Oid prefix) => _arcs.AsSpan().StartsWith(prefix._arcs);

    /// <summary>Returns a new OID with <paramref name="more"/> arcs appended.</summary>
    public Oid Append(params ReadOnlySpan<uint> more) => new([.. _arcs, .. more]);

    /// <inheritdoc />
    public int CompareTo(Oid? other) => other is null ? 1 : _arcs.AsSpan().SequenceCompareTo(other._arcs);

    /// <inheritdoc />
    public bool Equals(Oid? other) => other is not null && _arcs.AsSpan().SequenceEqual(other._arcs);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Oid);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var arc in _arcs)
            hash.Add(arc);
        return hash.ToHashCode();
    }

    /// <summary>Dotted form without a leading dot.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(_arcs.Length * 3);
        for (var i = 0; i < _arcs.Length; i++)
        {
            if (i > 0)
                sb.Append('.');
            sb.Append(_arcs[i].ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Equality by arcs.</summary>
    public static bool operator ==(Oid? left, Oid? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by arcs.</summary>
    public static bool operator !=(Oid? left, Oid? right) => !(left == right);

    /// <summary>Lexicographic order.</summary>
    public static bool operator <(Oid left, Oid right) => left.CompareTo(right) < 0;

    /// <summary>Lexicographic order.</summary>
    public static bool operator >(Oid left, Oid right) => left.CompareTo(right) > 0;

    /// <summary>Lexicographic order.</summary>
    public static bool operator <=(Oid left, Oid right) => left.CompareTo(right) <= 0;

    /// <summary>Lexicographic order.</summary>
    public static bool operator >=(Oid left, Oid right) => left.CompareTo(right) >= 0;
}
