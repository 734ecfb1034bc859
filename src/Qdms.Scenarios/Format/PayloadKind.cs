namespace Qdms.Scenarios.Format;

/// <summary>How a payload is written in the scenario.</summary>
public enum PayloadKind
{
    Ascii,
    Hex,
    Template,
}
