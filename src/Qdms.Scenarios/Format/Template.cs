using System.Text;

namespace Qdms.Scenarios.Format;

/// <summary><c>${name}</c> references in templates; <c>$$</c> is a literal dollar sign.</summary>
public static class Template
{
    /// <summary>The variable names <paramref name="text"/> refers to; throws <see cref="FormatException"/> on a bad reference.</summary>
    public static IReadOnlyList<string> References(string text)
    {
        var names = new List<string>();
        Walk(text, name =>
        {
            names.Add(name);
            return "";
        });
        return names;
    }

    /// <summary>Expands every reference; an unset variable expands to nothing.</summary>
    public static string Expand(string text, Func<string, string?> lookup) => Walk(text, n => lookup(n) ?? "");

    private static string Walk(string text, Func<string, string> replace)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '$' || i + 1 >= text.Length)
            {
                sb.Append(c);
                continue;
            }

            if (text[i + 1] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            if (text[i + 1] != '{')
            {
                sb.Append(c);
                continue;
            }

            var end = text.IndexOf('}', i + 2);
            if (end < 0)
            {
                throw new FormatException($"'${{' at offset {i} has no closing '}}'");
            }

            var name = text[(i + 2)..end];
            if (!IsName(name))
            {
                throw new FormatException($"'{name}' at offset {i} is not a variable name (letters, digits, '_', starting with a letter)");
            }

            sb.Append(replace(name));
            i = end;
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="name"/> can name a variable.</summary>
    public static bool IsName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
}
