namespace Qdms.Protocols.Cwmp;

/// <summary>
/// The CWMP XML namespace an envelope uses (TR-069 Annex A.2). CWMP 1.3 and 1.4 keep the 1-2 namespace
/// and announce themselves through the SupportedCWMPVersions / UseCWMPVersion headers instead.
/// </summary>
public enum CwmpVersion
{
    /// <summary><c>urn:dslforum-org:cwmp-1-0</c> (TR-069 Amendment 1 and the many CPEs still on it).</summary>
    Cwmp10,

    /// <summary><c>urn:dslforum-org:cwmp-1-1</c> (TR-069 Amendment 2).</summary>
    Cwmp11,

    /// <summary><c>urn:dslforum-org:cwmp-1-2</c> (TR-069 Amendment 3 onwards, also CWMP 1.3 and 1.4).</summary>
    Cwmp12,
}
