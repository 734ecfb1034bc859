namespace Qdms.Scenarios.Running;

/// <summary>How bytes appear in a text log: HEX, ASCII, or both side by side.</summary>
public enum LogView
{
    Hex,
    Ascii,
    Both,
}
