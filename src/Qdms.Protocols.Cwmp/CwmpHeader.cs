namespace Qdms.Protocols.Cwmp;

/// <summary>
/// The CWMP SOAP header elements (TR-069 Annex A.3.1.2 and A.3.1.3). A null member is absent from the envelope.
/// The deprecated <c>NoMoreRequests</c> header is accepted on reading and ignored.
/// </summary>
/// <param name="Id">cwmp:ID (mustUnderstand="1"): matches a response to its request.</param>
/// <param name="HoldRequests">cwmp:HoldRequests (mustUnderstand="1"): the ACS asks the CPE not to send requests yet.</param>
/// <param name="SessionTimeout">cwmp:SessionTimeout in seconds (mustUnderstand="0"), CWMP 1.2+.</param>
/// <param name="SupportedCwmpVersions">cwmp:SupportedCWMPVersions, e.g. "1.0,1.1,1.2,1.3,1.4" (mustUnderstand="0").</param>
/// <param name="UseCwmpVersion">cwmp:UseCWMPVersion, the version the ACS chose, e.g. "1.4" (mustUnderstand="1").</param>
public sealed record CwmpHeader(
    string? Id = null,
    bool? HoldRequests = null,
    uint? SessionTimeout = null,
    string? SupportedCwmpVersions = null,
    string? UseCwmpVersion = null)
{
    /// <summary>A header with no elements.</summary>
    public static CwmpHeader Empty { get; } = new();

    /// <summary>True when no header element is present.</summary>
    public bool IsEmpty => Id is null && HoldRequests is null && SessionTimeout is null
        && SupportedCwmpVersions is null && UseCwmpVersion is null;
}
