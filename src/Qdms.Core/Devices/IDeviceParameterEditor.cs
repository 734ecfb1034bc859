namespace Qdms.Core.Devices;

/// <summary>
/// Edits of stored parameters that <see cref="IDeviceParameterStore"/> does not offer, kept apart so that store's contract
/// stays as it is: removing a deleted object's subtree (TR-069 DeleteObject) and storing values without touching what is
/// known about each parameter's writability.
/// </summary>
public interface IDeviceParameterEditor
{
    /// <summary>
    /// Deletes the device's parameter named <paramref name="path"/> and, when it is a partial path ending in a dot, every
    /// parameter under it. Returns how many rows went.
    /// </summary>
    Task<int> RemoveAsync(long deviceId, string path, CancellationToken ct);

    /// <summary>
    /// Inserts or updates values and types in one transaction; a parameter already stored keeps its
    /// <see cref="DeviceParameter.Writable"/> flag, a new one takes the flag given.
    /// </summary>
    Task UpsertValuesAsync(long deviceId, IReadOnlyList<DeviceParameter> parameters, CancellationToken ct);
}
