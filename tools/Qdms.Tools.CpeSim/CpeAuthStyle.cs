namespace Qdms.Tools.CpeSim;

/// <summary>How a simulated CPE presents its credentials (<see cref="CpeOptions.Username"/>).</summary>
public enum CpeAuthStyle
{
    /// <summary>The quirk of many CPEs: HTTP Basic sent up front on every request (a Digest challenge is still answered).</summary>
    BasicOnEveryRequest,

    /// <summary>
    /// Nothing until the ACS answers 401; then the challenge is answered (Digest MD5 or SHA-256, or Basic). The Digest nonce is kept
    /// and used up front on the next session's Inform, with a fresh challenge answered when the ACS says <c>stale=true</c>.
    /// </summary>
    Challenged,
}
