namespace Qdms.Scenarios.Posix;

/// <summary>Line settings of a serial port; the defaults are 115200 8N1 without flow control.</summary>
public sealed record SerialSettings(
    int Baud = 115200,
    int DataBits = 8,
    SerialParity Parity = SerialParity.None,
    int StopBits = 1,
    SerialFlowControl FlowControl = SerialFlowControl.None);
