using Qdms.Engines.Snmp.Access;

namespace Qdms.Engines.Snmp;

internal sealed partial class SnmpEngine
{
    private string TrapDescription => "off (the protocol library has no notification receiver yet)";

    private static ISnmpAccess CreateAccess() => new ClientSnmpAccess();

    private static Task StartTrapsAsync(CancellationToken ct) => Task.CompletedTask;

    private static Task StopTrapsAsync() => Task.CompletedTask;

    private static void AddTrapDetails(Dictionary<string, string> details) => details["traps"] = "off";
}
