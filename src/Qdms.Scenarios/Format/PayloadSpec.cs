using System.Text;
using Qdms.Scenarios.Checksums;

namespace Qdms.Scenarios.Format;

/// <summary>
/// What a step sends: ASCII text, HEX bytes, or a template with <c>${variables}</c>; then an optional checksum of those
/// bytes; then an optional suffix (e.g. CR LF) that the checksum does not cover.
/// </summary>
public sealed record PayloadSpec(PayloadKind Kind, string Text, byte[] Bytes, ChecksumKind Checksum, ChecksumFormat ChecksumFormat, byte[] Suffix)
{
    /// <summary>The bytes to write, with variables expanded.</summary>
    public byte[] Render(Func<string, string?> lookup)
    {
        var body = Kind switch
        {
            PayloadKind.Template => Encoding.Latin1.GetBytes(Template.Expand(Text, lookup)),
            _ => Bytes,
        };
        var sum = Checksum == ChecksumKind.None ? [] : Checksums.Checksum.Encode(Checksum, ChecksumFormat, body);
        var all = new byte[body.Length + sum.Length + Suffix.Length];
        body.CopyTo(all, 0);
        sum.CopyTo(all, body.Length);
        Suffix.CopyTo(all, body.Length + sum.Length);
        return all;
    }
}
