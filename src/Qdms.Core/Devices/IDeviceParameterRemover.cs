namespace Qdms.Core.Devices;

/// <summary>
/// Removes stored parameters of a device, for protocols whose devices delete objects (TR-069 DeleteObject). Kept apart
/// from <see cref="IDeviceParameterStore"/> so that store's contract stays as it is.
/// </summary>
public interface IDeviceParameterRemover
{
    /// <summary>
    /// Deletes the device's parameter named <paramref name="path"/> and, when it is a partial path ending in a dot, every
    /// parameter under it. Returns how many rows went.
    /// </summary>
    Task<int> RemoveAsync(long deviceId, string path, CancellationToken ct);
}
