namespace Qdms.Protocols.Snmp.Ber;

/// <summary>
/// OBJECT IDENTIFIER content octets (X.690 §8.19): each subidentifier is base-128, high bit set on every octet
/// but the last; the first subidentifier packs the first two arcs as X*40+Y (X.690 §8.19.4).
/// </summary>
internal static class OidCodec
{
    /// <summary>The most arcs an OID may have (RFC 2578 §3.5: at most 128 sub-identifiers).</summary>
    public const int MaxArcs = 128;

    public static bool TryDecode(ReadOnlySpan<byte> content, int contentOffset, out uint[] arcs, out string error)
    {
        arcs = [];
        error = "";
        if (content.Length == 0)
        {
            error = $"offset {contentOffset}: an object identifier needs at least one content octet";
            return false;
        }
        // Each subidentifier ends at an octet with the high bit clear, so this counts them before allocating.
        var subIds = 0;
        foreach (var b in content)
            if ((b & 0x80) == 0)
                subIds++;
        if ((content[^1] & 0x80) != 0)
        {
            error = $"offset {contentOffset + content.Length - 1}: the last subidentifier is unterminated";
            return false;
        }
        if (subIds + 1 > MaxArcs)
        {
            error = $"offset {contentOffset}: an object identifier has more than {MaxArcs} arcs";
            return false;
        }
        var result = new uint[subIds + 1];
        var n = 0;
        var i = 0;
        while (i < content.Length)
        {
            var start = i;
            if (content[i] == 0x80)
            {
                error = $"offset {contentOffset + i}: subidentifier has a redundant leading 0x80 octet";
                return false;
            }
            ulong v = 0;
            while (true)
            {
                var b = content[i++];
                v = (v << 7) | (uint)(b & 0x7F);
                if (v > uint.MaxValue)
                {
                    error = $"offset {contentOffset + start}: subidentifier exceeds 32 bits";
                    return false;
                }
                if ((b & 0x80) == 0)
                    break;
            }
            if (n == 0)
            {
                // X.690 §8.19.4: X*40+Y with X in 0..2; Y is unbounded only when X is 2.
                var first = v < 40 ? 0u : v < 80 ? 1u : 2u;
                result[0] = first;
                result[1] = (uint)(v - first * 40);
                n = 2;
            }
            else
            {
                result[n++] = (uint)v;
            }
        }
        arcs = result;
        return true;
    }

    /// <summary>The number of content octets <paramref name="arcs"/> encode to.</summary>
    public static int EncodedLength(ReadOnlySpan<uint> arcs)
    {
        var length = SubIdLength((ulong)arcs[0] * 40 + arcs[1]);
        for (var i = 2; i < arcs.Length; i++)
            length += SubIdLength(arcs[i]);
        return length;
    }

    /// <summary>Writes the content octets of <paramref name="arcs"/>; returns how many were written.</summary>
    public static int Encode(ReadOnlySpan<uint> arcs, Span<byte> destination)
    {
        var p = WriteSubId((ulong)arcs[0] * 40 + arcs[1], destination);
        for (var i = 2; i < arcs.Length; i++)
            p += WriteSubId(arcs[i], destination[p..]);
        return p;
    }

    private static int SubIdLength(ulong v)
    {
        var n = 1;
        while ((v >>= 7) != 0)
            n++;
        return n;
    }

    private static int WriteSubId(ulong v, Span<byte> destination)
    {
        var n = SubIdLength(v);
        for (var i = n - 1; i >= 0; i--)
        {
            destination[i] = (byte)((v & 0x7F) | (i == n - 1 ? 0u : 0x80u));
            v >>= 7;
        }
        return n;
    }
}
