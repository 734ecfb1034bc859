using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Protocols.Cwmp;

/// <summary>
/// One SOAP envelope of a CWMP session: the namespace version it was written in, its header and the single
/// message of its body (null when the Body is empty, which CWMP treats like an empty HTTP POST).
/// </summary>
/// <param name="Version">The CWMP namespace of the envelope; answer a CPE in the version it used.</param>
/// <param name="Header">The CWMP header elements.</param>
/// <param name="Body">The request, response or fault carried, or null for an empty Body.</param>
public sealed record CwmpEnvelope(CwmpVersion Version, CwmpHeader Header, CwmpMessage? Body)
{
    /// <summary>True when the Body holds no message.</summary>
    public bool IsEmpty => Body is null;

    /// <summary>
    /// The envelope answering this one: same namespace version (the CPE's own) and same cwmp:ID (TR-069 Annex A.3.1.2),
    /// carrying <paramref name="body"/> — a response or a <see cref="CwmpFault"/>.
    /// </summary>
    public CwmpEnvelope Answer(CwmpMessage body) => new(Version, Header.Id is null ? CwmpHeader.Empty : new CwmpHeader(Header.Id), body);
}
