namespace Qdms.Core.Provisioning;

/// <summary>Text patterns of rule conditions: exact unless they hold <c>*</c> (any run, also empty) or <c>?</c> (one character).</summary>
public static class Glob
{
    public static bool IsPattern(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    public static bool Matches(string pattern, string? text)
    {
        if (text is null)
        {
            return false;
        }

        if (!IsPattern(pattern))
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        // iterative matching with one backtrack point for the last '*': linear for the patterns rules use
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
