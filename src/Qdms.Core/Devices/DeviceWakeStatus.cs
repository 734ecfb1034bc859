namespace Qdms.Core.Devices;

/// <summary>What came of asking a device to contact its engine now.</summary>
public enum DeviceWakeStatus
{
    /// <summary>The device (or the server relaying to it) accepted the request; its session follows on its own connection.</summary>
    Sent,

    /// <summary>The request was tried and refused, or the device could not be reached.</summary>
    Failed,

    /// <summary>Nothing could be tried: no running engine manages the device, or the device reported no way to reach it.</summary>
    Unsupported,
}
