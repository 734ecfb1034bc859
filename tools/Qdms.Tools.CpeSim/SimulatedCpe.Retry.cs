namespace Qdms.Tools.CpeSim;

/// <summary>Overload behaviour of a CPE (TR-069 §3.4.1): an Inform answered 503 is tried again after the ACS's Retry-After.</summary>
public sealed partial class SimulatedCpe
{
    /// <summary>What a CPE waits after a 503 without Retry-After (TR-069 §3.2.1.1's first retry interval).</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    private int _refused;

    /// <summary>How many of this CPE's Informs were answered 503.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>
    /// A session; when the Inform is answered 503 and <see cref="CpeOptions.RetryAfterScale"/> is set, waits the Retry-After
    /// (scaled) and tries again, at most <see cref="CpeOptions.MaxRetries"/> times.
    /// </summary>
    public async Task<SessionOutcome> SessionRetryingAsync(IReadOnlyList<Qdms.Protocols.Cwmp.Messages.InformEvent> events, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await SessionAsync(events, ct);
            if (outcome.HttpStatus != 503)
            {
                return outcome;
            }

            Interlocked.Increment(ref _refused);
            if (_options.RetryAfterScale is not { } scale || attempt >= _options.MaxRetries)
            {
                return outcome;
            }

            await Task.Delay((outcome.RetryAfter ?? DefaultRetryAfter) * scale, ct);
        }
    }
}
