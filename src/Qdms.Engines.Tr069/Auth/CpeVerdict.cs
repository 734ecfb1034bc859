namespace Qdms.Engines.Tr069.Auth;

/// <summary>The outcome of checking a CPE's credentials; <see cref="Reason"/> says why a refusal was made (never a secret).</summary>
internal readonly record struct CpeVerdict(CpeVerdictKind Kind, string Reason = "")
{
    public static CpeVerdict Accepted { get; } = new(CpeVerdictKind.Accepted);

    public static CpeVerdict Stale { get; } = new(CpeVerdictKind.Stale);

    public static CpeVerdict Replayed { get; } = new(CpeVerdictKind.Replayed);

    public static CpeVerdict Refused(string reason) => new(CpeVerdictKind.Refused, reason);
}
