using Qdms.Core.Devices;

namespace Qdms.Engines.Tr069;

/// <summary>An RPC sent for a task, awaiting the CPE's response; <paramref name="Id"/> is the envelope's cwmp:ID.</summary>
internal sealed record OutstandingRpc(DeviceTask Task, string Method, string Id);
