namespace Qdms.Scenarios.Kpis;

/// <summary>
/// The packet error recognition rate against a known ground truth: of the bad packets present, how many the run flagged;
/// beside it the false-alarm rate: of the good packets, how many it flagged.
/// </summary>
/// <param name="Present">Bad packets present (ground truth).</param>
/// <param name="Detected">Bad packets flagged.</param>
/// <param name="Good">Good packets present.</param>
/// <param name="FalseAlarms">Good packets flagged.</param>
public sealed record PacketErrorRecognition(long Present, long Detected, long Good, long FalseAlarms)
{
    /// <summary>Detected / present, or null when no bad packet was present.</summary>
    public double? Rate => Present == 0 ? null : (double)Detected / Present;

    /// <summary>False alarms / good packets, or null when there was no good packet.</summary>
    public double? FalseAlarmRate => Good == 0 ? null : (double)FalseAlarms / Good;

    /// <summary>Compares the frames a run flagged with the ones known to be bad (both as received-frame ordinals).</summary>
    public static PacketErrorRecognition Compute(IReadOnlySet<long> flagged, IReadOnlySet<long> actuallyBad, long framesReceived)
    {
        var detected = flagged.Count(actuallyBad.Contains);
        var falseAlarms = flagged.Count - detected;
        return new PacketErrorRecognition(actuallyBad.Count, detected, framesReceived - actuallyBad.Count, falseAlarms);
    }
}
