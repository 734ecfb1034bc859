namespace Qdms.Core.Devices.Bulk;

/// <summary>The devices of a bulk job: explicit ids, or every device a list filter matches. Exactly one is set.</summary>
public sealed record BulkTaskSelection(IReadOnlyList<long>? DeviceIds, DeviceQuery? Filter);
