using Qdms.Core.Events;

namespace Qdms.Core.Live;

/// <summary>A device event was stored. Stores append events in batches without reading their ids back, so it has none.</summary>
public sealed record EventAdded(NewDeviceEvent Event) : LiveChange(Event.TenantId, Event.DeviceId);
