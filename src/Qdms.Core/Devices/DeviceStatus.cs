namespace Qdms.Core.Devices;

/// <summary>What QDMS last knew of a device's reachability.</summary>
public enum DeviceStatus
{
    /// <summary>Never heard from (pre-provisioned) or no engine has an opinion yet.</summary>
    Unknown = 0,

    /// <summary>In contact recently: informs, registrations, answers.</summary>
    Online = 1,

    /// <summary>Left in good order (deregistered, session ended) or missed its expected contact.</summary>
    Offline = 2,

    /// <summary>QDMS tried to reach it (connection request, poll) and got no answer.</summary>
    Unreachable = 3,
}
