namespace Qdms.Core.Devices;

/// <summary>An attribute devices are grouped by in <see cref="IDeviceAggregateStore"/>.</summary>
public enum DeviceDimension
{
    Protocol,
    Model,
    FirmwareVersion,
}
