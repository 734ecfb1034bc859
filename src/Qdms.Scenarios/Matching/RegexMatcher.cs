using System.Text;
using System.Text.RegularExpressions;

namespace Qdms.Scenarios.Matching;

/// <summary>
/// A .NET regular expression over the frame read as Latin-1 text; named groups become variables. Matching is bounded by a
/// one-second timeout so a pathological pattern cannot hang a run.
/// </summary>
public sealed class RegexMatcher : FrameMatcher
{
    private readonly Regex _regex;
    private readonly string[] _names;

    /// <summary>Compiles <paramref name="pattern"/>; throws <see cref="ArgumentException"/> when it does not compile.</summary>
    public RegexMatcher(string pattern)
    {
        _regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        _names = _regex.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToArray();
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> CaptureNames => _names;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<byte> frame, IDictionary<string, string> captures)
    {
        var m = _regex.Match(Encoding.Latin1.GetString(frame));
        if (!m.Success)
        {
            return false;
        }

        foreach (var n in _names)
        {
            if (m.Groups[n].Success)
            {
                captures[n] = m.Groups[n].Value;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string Describe() => $"regex /{_regex}/";
}
