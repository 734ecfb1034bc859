using Qdms.Protocols.Snmp.Client;

namespace Qdms.Engines.Snmp.Tasks;

/// <summary>
/// Library exceptions as task faults: <c>timeout</c>, the RFC 3416 error-status name (<c>notWritable</c>, <c>noSuchName</c> …)
/// with its index and OID, the USM failure (<c>unknownUserName</c>, <c>wrongDigest</c>, <c>decryptionError</c> …), <c>unsupported</c>,
/// or the <see cref="TaskFault"/>'s own code.
/// </summary>
internal static class SnmpFaults
{
    public static (string Code, string Message) Of(Exception e) => e switch
    {
        TaskFault f => (f.Code, f.Message),
        SnmpTimeoutException => ("timeout", e.Message),
        SnmpErrorException s => (char.ToLowerInvariant(s.Status.ToString()[0]) + s.Status.ToString()[1..], e.Message),
        SnmpAuthenticationException a => (char.ToLowerInvariant(a.Reason.ToString()[0]) + a.Reason.ToString()[1..], e.Message),
        NotSupportedException => ("unsupported", e.Message),
        SnmpException => ("snmp", e.Message),
        _ => ("engine", e.Message),
    };
}
