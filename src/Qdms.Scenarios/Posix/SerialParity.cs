namespace Qdms.Scenarios.Posix;

/// <summary>Parity bit of a serial character.</summary>
public enum SerialParity
{
    None,
    Odd,
    Even,
    Mark,
    Space,
}
