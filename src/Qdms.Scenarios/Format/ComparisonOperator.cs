namespace Qdms.Scenarios.Format;

/// <summary>&lt; &lt;= &gt; &gt;= == !=.</summary>
public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}
