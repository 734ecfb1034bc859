namespace Qdms.Scenarios.Posix;

/// <summary>Flow control of a serial line: none, hardware (RTS/CTS) or software (XON/XOFF).</summary>
public enum SerialFlowControl
{
    None,
    RtsCts,
    XonXoff,
}
