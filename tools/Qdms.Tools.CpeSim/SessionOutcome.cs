namespace Qdms.Tools.CpeSim;

/// <summary>How one CWMP session of a simulated CPE ended.</summary>
/// <param name="Completed">True when the ACS ended it with an empty response (204 or an empty 200).</param>
/// <param name="HttpStatus">The last HTTP status the ACS answered.</param>
/// <param name="RpcsServed">ACS requests the CPE answered in the session.</param>
/// <param name="Error">Why it did not complete, when it did not.</param>
/// <param name="RetryAfter">The Retry-After the ACS gave with a 503, if any.</param>
public sealed record SessionOutcome(bool Completed, int HttpStatus, int RpcsServed, string? Error = null, TimeSpan? RetryAfter = null);
