using System.Security.Cryptography;
using System.Text;

namespace Qdms.Qos.Services;

/// <summary>
/// Arrowhead identifies devices by UUID; QDMS by number. A device's UUID is a name-based (version 5, RFC 9562 §5.5) UUID of
/// <c>qdms-device:&lt;id&gt;</c>: stable, and the same on every node.
/// </summary>
public static class QosDeviceUuid
{
    private static readonly byte[] Namespace = Guid.Parse("6f1c2a52-5e0b-4c0b-9a53-0b6d9c1f7e21").ToByteArray(bigEndian: true);

    public static Guid Of(long deviceId)
    {
        var name = Encoding.UTF8.GetBytes($"qdms-device:{deviceId}");
        var input = new byte[Namespace.Length + name.Length];
        Namespace.CopyTo(input, 0);
        name.CopyTo(input, Namespace.Length);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
