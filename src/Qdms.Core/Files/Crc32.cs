namespace Qdms.Core.Files;

/// <summary>
/// CRC-32 as in IEEE 802.3, zlib and PKZIP (reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF),
/// computed incrementally over spans with the slice-by-8 method: eight bytes per step through eight 256-entry tables.
/// Check value: "123456789" → 0xCBF43926.
/// </summary>
#if QDMS_CLIENT
internal
#else
public
#endif
sealed class Crc32
{
    /// <summary>The reflected form of the IEEE 802.3 generator polynomial 0x04C11DB7.</summary>
    public const uint Polynomial = 0xEDB88320u;

    private static readonly uint[] Tables = BuildTables();
    private uint _state = 0xFFFFFFFFu;

    /// <summary>The CRC of every byte appended so far.</summary>
    public uint Value => ~_state;

    /// <summary>Adds <paramref name="data"/> to the running CRC.</summary>
    public void Append(ReadOnlySpan<byte> data) => _state = Update(_state, data);

    /// <summary>Starts again as if nothing had been appended.</summary>
    public void Reset() => _state = 0xFFFFFFFFu;

    /// <summary>The CRC-32 of <paramref name="data"/> alone.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFFu, data);

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Tables;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            var low = crc ^ (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
            var high = (uint)(data[i + 4] | data[i + 5] << 8 | data[i + 6] << 16 | data[i + 7] << 24);
            crc = t[(7 * 256) + (low & 0xFF)] ^ t[(6 * 256) + ((low >> 8) & 0xFF)] ^ t[(5 * 256) + ((low >> 16) & 0xFF)] ^ t[(4 * 256) + (low >> 24)]
                ^ t[(3 * 256) + (high & 0xFF)] ^ t[(2 * 256) + ((high >> 8) & 0xFF)] ^ t[256 + ((high >> 16) & 0xFF)] ^ t[high >> 24];
        }

        for (; i < data.Length; i++)
        {
            crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>Table 0 is the classic byte table; table k advances a byte's contribution by k more zero bytes.</summary>
    private static uint[] BuildTables()
    {
        var t = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }

            t[n] = c;
        }

        for (var n = 0; n < 256; n++)
        {
            for (var k = 1; k < 8; k++)
            {
                var previous = t[((k - 1) * 256) + n];
                t[(k * 256) + n] = t[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return t;
    }
}
