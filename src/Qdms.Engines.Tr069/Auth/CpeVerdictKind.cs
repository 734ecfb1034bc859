namespace Qdms.Engines.Tr069.Auth;

/// <summary>What <see cref="CpeGate"/> decided about a CPE's credentials.</summary>
internal enum CpeVerdictKind
{
    Accepted,

    /// <summary>Right password, but a nonce that expired or is not of this engine run: challenge with <c>stale=true</c>.</summary>
    Stale,

    /// <summary>A Digest answer seen before: challenge again (stale=true), not counted as a failure.</summary>
    Replayed,

    /// <summary>Unknown user, wrong password, a scheme the mode does not allow, or a header that does not parse: 401, counted.</summary>
    Refused,
}
