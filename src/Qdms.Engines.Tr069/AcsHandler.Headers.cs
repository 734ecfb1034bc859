using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

/// <summary>The CWMP 1.2–1.4 header elements of an Inform and its answer.</summary>
internal sealed partial class AcsHandler
{
    /// <summary>
    /// InformResponse in the CPE's namespace with its cwmp:ID, and, when the Inform listed SupportedCWMPVersions, UseCWMPVersion
    /// with the highest version in common. A SessionTimeout in the Inform (CWMP 1.2+) becomes this session's idle timeout.
    /// HoldRequests is for the ACS to send (Annex A.3.1.3; see AcsHandler.Hold.cs); from a CPE it is accepted and has no effect.
    /// </summary>
    private CwmpEnvelope AnswerInform(CwmpEnvelope inform, AcsSession session)
    {
        session.Timeout = CwmpVersionChoice.SessionTimeout(inform.Header.SessionTimeout);
        session.AgreedVersion = CwmpVersionChoice.Choose(inform.Header.SupportedCwmpVersions);
        var answer = inform.Answer(new InformResponse(1));
        return Hold(session.AgreedVersion is null ? answer : answer with { Header = answer.Header with { UseCwmpVersion = session.AgreedVersion } }, session);
    }
}
