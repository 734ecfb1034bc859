using Qdms.Core.Devices;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

/// <summary>
/// An RPC sent for a task, awaiting the CPE's response; <paramref name="Id"/> is the envelope's cwmp:ID. <paramref name="Writable"/>
/// carries a refresh's GetParameterNames answer (name → writable) into its GetParameterValues step.
/// </summary>
internal sealed record OutstandingRpc(DeviceTask Task, CwmpMessage Rpc, string Id, IReadOnlyDictionary<string, bool>? Writable = null)
{
    public string Method => Rpc.MethodName;
}
