using System.Text;

namespace Qdms.Scenarios.Running;

/// <summary><c>key=value;key=value</c> frames (also separated by commas or spaces).</summary>
public sealed class KeyValueDecoder : IFrameDecoder
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, string>? Decode(ReadOnlySpan<byte> frame)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in Encoding.Latin1.GetString(frame).Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            fields[part[..eq]] = part[(eq + 1)..];
        }

        return fields.Count == 0 ? null : fields;
    }
}
