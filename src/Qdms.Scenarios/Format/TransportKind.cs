namespace Qdms.Scenarios.Format;

/// <summary>How the runner reaches the terminal.</summary>
public enum TransportKind
{
    Serial,
    Tcp,
    Udp,
}
