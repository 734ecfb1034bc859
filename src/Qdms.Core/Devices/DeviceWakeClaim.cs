namespace Qdms.Core.Devices;

/// <summary>How well one engine can wake a device; <see cref="DeviceWakers"/> asks the strongest claimant.</summary>
public enum DeviceWakeClaim
{
    /// <summary>Not a device of this engine's protocol.</summary>
    None = 0,

    /// <summary>A device of this engine's protocol.</summary>
    Able = 1,

    /// <summary>A device of this engine's protocol that talks to this very engine (its last session was here).</summary>
    Serving = 2,
}
