namespace Qdms.Scenarios.Format;

/// <summary>What matching an expected alternative means for the step.</summary>
public enum AlternativeOutcome
{
    Pass,
    Fail,
}
