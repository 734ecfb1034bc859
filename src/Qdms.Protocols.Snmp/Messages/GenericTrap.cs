namespace Qdms.Protocols.Snmp.Messages;

/// <summary>The generic-trap field of an SNMPv1 Trap-PDU (RFC 1157 §4.1.6).</summary>
public enum GenericTrap
{
    /// <summary>coldStart(0).</summary>
    ColdStart = 0,
    /// <summary>warmStart(1).</summary>
    WarmStart = 1,
    /// <summary>linkDown(2).</summary>
    LinkDown = 2,
    /// <summary>linkUp(3).</summary>
    LinkUp = 3,
    /// <summary>authenticationFailure(4).</summary>
    AuthenticationFailure = 4,
    /// <summary>egpNeighborLoss(5).</summary>
    EgpNeighborLoss = 5,
    /// <summary>enterpriseSpecific(6): see the specific-trap field.</summary>
    EnterpriseSpecific = 6,
}
