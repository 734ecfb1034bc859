using System.Text;

namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>
/// Reads the parameters of one HTTP authentication challenge (RFC 9110 §11.2: <c>auth-param = token "=" ( token / quoted-string )</c>,
/// comma separated, optional whitespace) into a case-insensitive map. Sloppy CPEs are met halfway: empty elements are skipped.
/// </summary>
internal static class AuthParameters
{
    public static Dictionary<string, string>? TryParse(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(text))
        {
            return result;
        }

        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] is ' ' or '\t' or ','))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var nameStart = i;
            while (i < text.Length && text[i] is not ('=' or ',' or ' ' or '\t'))
            {
                i++;
            }

            var name = text[nameStart..i];
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i == text.Length || text[i] != '=')
            {
                return null; // a bare token: not an auth-param list (token68 is not used by Digest)
            }

            i++;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            string value;
            if (i < text.Length && text[i] == '"')
            {
                var builder = new StringBuilder();
                i++;
                while (true)
                {
                    if (i == text.Length)
                    {
                        return null; // unterminated quoted-string
                    }

                    var c = text[i++];
                    if (c == '"')
                    {
                        break;
                    }

                    if (c == '\\' && i < text.Length)
                    {
                        c = text[i++];
                    }

                    builder.Append(c);
                }

                value = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] is not (',' or ' ' or '\t'))
                {
                    i++;
                }

                value = text[valueStart..i];
            }

            result[name] = value;
        }

        return result;
    }

    /// <summary>A quoted-string of <paramref name="value"/>: quotes and backslashes escaped.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
