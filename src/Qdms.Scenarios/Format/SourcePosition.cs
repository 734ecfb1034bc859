namespace Qdms.Scenarios.Format;

/// <summary>Where something is in the scenario text: 1-based line and column, and its path (<c>steps[2].expect[0].regex</c>).</summary>
public readonly record struct SourcePosition(int Line, int Column, string Path)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"line {Line}, column {Column} ({Path})" : Path;
}
