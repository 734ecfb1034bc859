namespace Qdms.Scenarios.Format;

/// <summary>A scenario was rejected; every problem names its line and path.</summary>
public sealed class ScenarioFormatException(IReadOnlyList<ScenarioProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    /// <summary>What is wrong, in text order.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; } = problems;
}
