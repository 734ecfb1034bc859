using System.Buffers.Binary;
using System.Numerics;

namespace Qdms.Protocols.Snmp.Security;

/// <summary>
/// SHA-224 (FIPS 180-4 §6.3: SHA-256's compression with its own initial hash value, output truncated to 28 octets),
/// which .NET does not provide, and HMAC-SHA-224 (RFC 2104, 64-octet block) for RFC 7860's usmHMAC128SHA224AuthProtocol.
/// </summary>
internal sealed class Sha224 : IUsmHash
{
    public const int DigestLength = 28;
    private const int BlockLength = 64;

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _state = new uint[8];
    private readonly uint[] _w = new uint[64];
    private readonly byte[] _block = new byte[BlockLength];
    private int _blockLength;
    private long _totalLength;

    public Sha224() => Reset();

    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        using var hash = new Sha224();
        hash.Append(data);
        return hash.GetHashAndReset();
    }

    /// <summary>HMAC-SHA-224 (RFC 2104): H((K ^ opad) || H((K ^ ipad) || m)); writes 28 octets, returns 28.</summary>
    public static int Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        Span<byte> k = stackalloc byte[BlockLength];
        k.Clear();
        if (key.Length > BlockLength)
            HashData(key).CopyTo(k);
        else
            key.CopyTo(k);
        Span<byte> pad = stackalloc byte[BlockLength];
        using var hash = new Sha224();
        for (var i = 0; i < BlockLength; i++)
            pad[i] = (byte)(k[i] ^ 0x36);
        hash.Append(pad);
        hash.Append(message);
        var inner = hash.GetHashAndReset();
        for (var i = 0; i < BlockLength; i++)
            pad[i] = (byte)(k[i] ^ 0x5c);
        hash.Append(pad);
        hash.Append(inner);
        hash.GetHashAndReset().CopyTo(destination);
        return DigestLength;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _totalLength += data.Length;
        if (_blockLength > 0)
        {
            var take = Math.Min(BlockLength - _blockLength, data.Length);
            data[..take].CopyTo(_block.AsSpan(_blockLength));
            _blockLength += take;
            data = data[take..];
            if (_blockLength < BlockLength)
                return;
            Compress(_block);
            _blockLength = 0;
        }
        while (data.Length >= BlockLength)
        {
            Compress(data[..BlockLength]);
            data = data[BlockLength..];
        }
        data.CopyTo(_block);
        _blockLength = data.Length;
    }

    public byte[] GetHashAndReset()
    {
        // FIPS 180-4 §5.1.1: 0x80, zeros, then the message length in bits as 64 bits big-endian.
        var bits = _totalLength * 8;
        Span<byte> tail = stackalloc byte[BlockLength * 2];
        tail.Clear();
        var padLength = _blockLength < 56 ? 56 - _blockLength : 120 - _blockLength;
        tail[0] = 0x80;
        BinaryPrimitives.WriteInt64BigEndian(tail[padLength..], bits);
        Append(tail[..(padLength + 8)]);
        var digest = new byte[DigestLength];
        for (var i = 0; i < 7; i++)
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), _state[i]);
        Reset();
        return digest;
    }

    private void Reset()
    {
        // FIPS 180-4 §5.3.2
        _state[0] = 0xc1059ed8;
        _state[1] = 0x367cd507;
        _state[2] = 0x3070dd17;
        _state[3] = 0xf70e5939;
        _state[4] = 0xffc00b31;
        _state[5] = 0x68581511;
        _state[6] = 0x64f98fa7;
        _state[7] = 0xbefa4fa4;
        _blockLength = 0;
        _totalLength = 0;
    }

    private void Compress(ReadOnlySpan<byte> block)
    {
        var w = _w;
        for (var t = 0; t < 16; t++)
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        for (var t = 16; t < 64; t++)
        {
            var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint a = _state[0], b = _state[1], c = _state[2], d = _state[3], e = _state[4], f = _state[5], g = _state[6], h = _state[7];
        for (var t = 0; t < 64; t++)
        {
            var t1 = h + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25)) +
                     ((e & f) ^ (~e & g)) + K[t] + w[t];
            var t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22)) +
                     ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        _state[0] += a;
        _state[1] += b;
        _state[2] += c;
        _state[3] += d;
        _state[4] += e;
        _state[5] += f;
        _state[6] += g;
        _state[7] += h;
    }

    public void Dispose()
    {
    }
}
