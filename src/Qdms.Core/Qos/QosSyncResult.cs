namespace Qdms.Core.Qos;

/// <summary>What one organizer pass changed: devices and system names now measured, and those that left since the last pass.</summary>
public sealed record QosSyncResult(int DevicesFound, int SystemsFound, int DevicesRemoved, int SystemsRemoved);
