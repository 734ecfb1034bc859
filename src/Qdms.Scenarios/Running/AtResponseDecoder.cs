using System.Text;

namespace Qdms.Scenarios.Running;

/// <summary>
/// AT-style answers: <c>+CMD: a,b,c</c> gives <c>command=CMD</c>, <c>0=a</c>, <c>1=b</c>, <c>2=c</c>; <c>OK</c>, <c>ERROR</c>,
/// <c>BUSY</c> and other bare words give <c>result=…</c>.
/// </summary>
public sealed class AtResponseDecoder : IFrameDecoder
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, string>? Decode(ReadOnlySpan<byte> frame)
    {
        var text = Encoding.Latin1.GetString(frame).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] is '+' or '$')
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["command"] = text[1..colon] };
            var parts = text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                fields[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = parts[i];
            }

            return fields;
        }

        return text.All(c => char.IsAsciiLetterUpper(c) || c == ' ') ? new Dictionary<string, string> { ["result"] = text } : null;
    }
}
