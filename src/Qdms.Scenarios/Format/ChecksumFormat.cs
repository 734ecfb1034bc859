namespace Qdms.Scenarios.Format;

/// <summary>How a checksum is written: as big-endian bytes, or as upper-case hexadecimal digits.</summary>
public enum ChecksumFormat
{
    Binary,
    Hex,
}
