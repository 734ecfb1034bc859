using System.Globalization;

namespace Qdms.Scenarios.Format;

/// <summary>
/// <c>subject op value</c>: <c>ssr &gt;= 0.95</c>, <c>p95 &lt; 10s</c>, <c>cpu &lt;= 90</c>. A value with a time unit
/// (us, ms, s, m) is in seconds.
/// </summary>
public sealed record Comparison(string Subject, ComparisonOperator Operator, double Value, string Text)
{
    private static readonly (string Token, ComparisonOperator Op)[] Operators =
    [
        (">=", ComparisonOperator.GreaterOrEqual), ("<=", ComparisonOperator.LessOrEqual), ("==", ComparisonOperator.Equal),
        ("!=", ComparisonOperator.NotEqual), (">", ComparisonOperator.Greater), ("<", ComparisonOperator.Less),
    ];

    /// <summary>Parses a comparison; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static Comparison Parse(string text)
    {
        foreach (var (token, op) in Operators)
        {
            var at = text.IndexOf(token, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var subject = text[..at].Trim();
            var right = text[(at + token.Length)..].Trim();
            if (subject.Length == 0 || !subject.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
            {
                throw new FormatException($"'{subject}' is not a name");
            }

            if (double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return new Comparison(subject, op, number, text.Trim());
            }

            if (Durations.TryParse(right, out var d))
            {
                return new Comparison(subject, op, d.TotalSeconds, text.Trim());
            }

            throw new FormatException($"'{right}' is neither a number nor a duration (e.g. 0.95, 250ms, 10s)");
        }

        throw new FormatException("expected 'name op value' with op one of < <= > >= == !=");
    }

    /// <summary>Whether <paramref name="actual"/> satisfies the comparison.</summary>
    public bool Holds(double actual) => Operator switch
    {
        ComparisonOperator.Less => actual < Value,
        ComparisonOperator.LessOrEqual => actual <= Value,
        ComparisonOperator.Greater => actual > Value,
        ComparisonOperator.GreaterOrEqual => actual >= Value,
        ComparisonOperator.Equal => actual == Value,
        _ => actual != Value,
    };
}
