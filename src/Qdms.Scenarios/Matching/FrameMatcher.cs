namespace Qdms.Scenarios.Matching;

/// <summary>Decides whether a received frame is the one a step waits for; may capture variables.</summary>
public abstract class FrameMatcher
{
    /// <summary>True when <paramref name="frame"/> matches; named captures go into <paramref name="captures"/>.</summary>
    public abstract bool IsMatch(ReadOnlySpan<byte> frame, IDictionary<string, string> captures);

    /// <summary>The variable names a match sets.</summary>
    public virtual IReadOnlyList<string> CaptureNames => [];

    /// <summary>How the scenario wrote it, for logs: <c>ascii "OK"</c>.</summary>
    public abstract string Describe();
}
