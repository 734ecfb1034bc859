using System.Collections.Immutable;

namespace Qdms.Core.Devices;

/// <summary>
/// The wakers of the engines running now. An engine registers its <see cref="IDeviceWaker"/> when it starts serving and
/// disposes the registration when it stops; a wake-up goes to the strongest claimant (ties: the one registered first).
/// </summary>
public sealed class DeviceWakers
{
    private ImmutableList<IDeviceWaker> _wakers = [];

    /// <summary>Adds <paramref name="waker"/> until the returned registration is disposed.</summary>
    public IDisposable Register(IDeviceWaker waker)
    {
        ImmutableInterlocked.Update(ref _wakers, list => list.Add(waker));
        return new Registration(this, waker);
    }

    /// <summary>Wakes <paramref name="device"/> through the engine with the strongest claim; unsupported when no running engine claims it.</summary>
    public async Task<DeviceWakeResult> WakeAsync(Device device, CancellationToken ct)
    {
        IDeviceWaker? best = null;
        var bestClaim = DeviceWakeClaim.None;
        foreach (var waker in _wakers)
        {
            var claim = await waker.ClaimAsync(device, ct);
            if (claim > bestClaim)
            {
                (best, bestClaim) = (waker, claim);
            }
        }

        if (best is null)
        {
            var protocols = string.Join(", ", device.Identities.Select(i => i.Protocol).Distinct(StringComparer.Ordinal));
            return DeviceWakeResult.Unsupported(null,
                $"no running engine can wake this device (its identities: {(protocols.Length == 0 ? "none" : protocols)}); start an engine of its protocol.");
        }

        try
        {
            return await best.WakeAsync(device, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DeviceWakeResult.Failed(null, $"the engine could not send the request: {e.Message}");
        }
    }

    private sealed class Registration(DeviceWakers owner, IDeviceWaker waker) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                ImmutableInterlocked.Update(ref owner._wakers, list => list.Remove(waker));
            }
        }
    }
}
