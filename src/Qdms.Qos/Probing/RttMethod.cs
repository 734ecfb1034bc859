namespace Qdms.Qos.Probing;

/// <summary>How RTT is probed.</summary>
public enum RttMethod
{
    /// <summary>ICMP echo request/reply.</summary>
    Icmp,

    /// <summary>TCP connect to a port expected open: RTT = SYN to SYN-ACK (or to RST when it is closed after all).</summary>
    Tcp,

    /// <summary>Arrowhead's method: TCP connect to a closed port, RTT = SYN to RST.</summary>
    Arrowhead,
}
