using System.Text;
using Qdms.Core.Devices;

namespace Qdms.Storage.Stores;

/// <summary>
/// The search terms of a device: its name, manufacturer, model, serial and identity keys, lowercased, as UTF-8 bytes.
/// A prefix <c>q</c> matches the byte range [q, q + 0xFF): 0xFF never occurs in UTF-8, and both databases compare
/// BLOB/bytea byte by byte, so the range is exact and served by the primary key's index.
/// </summary>
internal static class DeviceSearchTerms
{
    public const int MaxTermLength = 200;

    public static IReadOnlyList<byte[]> For(string name, string? manufacturer, string? model, string? serial, IEnumerable<DeviceIdentity> identities) =>
        new[] { name, manufacturer, model, serial }.Concat(identities.Select(i => i.Key))
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => Normalize(t!))
            .Distinct(StringComparer.Ordinal)
            .Select(Encoding.UTF8.GetBytes)
            .ToList();

    public static (byte[] From, byte[] To) Range(string prefix)
    {
        var from = Encoding.UTF8.GetBytes(Normalize(prefix));
        return (from, [.. from, 0xFF]);
    }

    private static string Normalize(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        return t.Length > MaxTermLength ? t[..MaxTermLength] : t;
    }
}
