using System.Net;

namespace Qdms.Protocols.Snmp.Notifications;

public sealed partial class SnmpNotificationReceiver
{
    private void InitialiseV3()
    {
    }

    private Task HandleV3Async(ReadOnlyMemory<byte> datagram, IPEndPoint source)
    {
        Reject(source, "SNMPv3 notifications arrive with milestone 2");
        return Task.CompletedTask;
    }
}
