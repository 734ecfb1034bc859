namespace Qdms.Scenarios.Format;

/// <summary>One thing wrong with a scenario, and where it is.</summary>
public sealed record ScenarioProblem(SourcePosition Position, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Position}: {Message}";
}
