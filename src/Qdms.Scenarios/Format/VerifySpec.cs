namespace Qdms.Scenarios.Format;

/// <summary>
/// The checksum at the end of every received frame: <c>body [separator] checksum</c>. A frame whose checksum is missing or
/// wrong is a recognised bad packet.
/// </summary>
public sealed record VerifySpec(ChecksumKind Checksum, ChecksumFormat Format, byte[] Separator);
