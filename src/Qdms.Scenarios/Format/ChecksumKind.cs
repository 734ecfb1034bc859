namespace Qdms.Scenarios.Format;

/// <summary>Checksums a payload can carry (see <see cref="Checksums.Checksum"/> for the exact parameters).</summary>
public enum ChecksumKind
{
    None,
    Xor8,
    Sum8,
    Crc16Ccitt,
    Crc32,
}
