using System.Net;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Client;

public sealed partial class SnmpManager
{
    private Task<SnmpPdu> ExchangeV3Async(SnmpTarget target, Func<int, SnmpPdu> build, CancellationToken cancellationToken) =>
        throw new NotSupportedException("SNMPv3 arrives with milestone 2");

    private void DispatchV3(ReadOnlySpan<byte> datagram, IPEndPoint source) => Interlocked.Increment(ref _unmatched);
}
