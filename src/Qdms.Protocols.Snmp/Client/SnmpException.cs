namespace Qdms.Protocols.Snmp.Client;

/// <summary>The base of the errors <see cref="SnmpManager"/> throws.</summary>
public abstract class SnmpException(string message) : Exception(message);
