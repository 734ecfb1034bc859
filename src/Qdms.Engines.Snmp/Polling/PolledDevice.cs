using Qdms.Core.Devices;
using Qdms.Engines.Snmp.Access;

namespace Qdms.Engines.Snmp.Polling;

/// <summary>An SNMP device in the engine's plan: who it is and how to reach it (secrets opened).</summary>
internal sealed record PolledDevice(long DeviceId, long TenantId, string Host, AgentTarget Target, IReadOnlyList<string> Tags, DeviceStatus Status, string? EngineId);
