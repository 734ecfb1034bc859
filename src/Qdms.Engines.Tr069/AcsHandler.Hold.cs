using Microsoft.AspNetCore.Http;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

/// <summary>
/// HoldRequests (TR-069 Annex A.3.1.3), sent by the ACS when the engine's <c>holdRequests</c> is on: the InformResponse and
/// every task RPC carry HoldRequests true, so the CPE answers with an empty POST and the queued tasks run before its own
/// requests (TransferComplete …). When the queue is empty the ACS's empty answer releases the hold, and the session stays
/// open for the requests the CPE held; its next empty POST ends it.
/// </summary>
internal sealed partial class AcsHandler
{
    /// <summary>The header of a task RPC: its cwmp:ID, and HoldRequests true while the session holds the CPE's requests.</summary>
    private static CwmpHeader RpcHeader(AcsSession session, string id) => new(id, HoldRequests: session.Holding ? true : null);

    /// <summary>Starts holding the CPE's requests from the InformResponse on, when the engine is configured to.</summary>
    private CwmpEnvelope Hold(CwmpEnvelope answer, AcsSession session)
    {
        if (!config.HoldRequests)
        {
            return answer;
        }

        session.Holding = true;
        return answer with { Header = answer.Header with { HoldRequests = true } };
    }

    /// <summary>
    /// The ACS has no more requests: an empty answer (no header) ends the hold. Returns true when a hold was in force, so the
    /// session stays open for the CPE's held requests.
    /// </summary>
    private static bool ReleaseHold(AcsSession session)
    {
        if (!session.Holding)
        {
            return false;
        }

        session.Holding = false;
        session.Lingering = true;
        return true;
    }

    /// <summary>
    /// A request from a CPE that the ACS told to hold its requests breaks the rule: it is answered with fault 8005 (retry
    /// request) under the same hold, and the CPE sends it again once the hold is released. Returns true when it answered.
    /// </summary>
    private async Task<bool> RefuseHeldRequestAsync(HttpContext http, AcsSession session, CwmpEnvelope envelope, CancellationToken ct)
    {
        session.Lingering = false;
        if (!session.Holding || envelope.Body is null or InformRequest or CwmpFault || envelope.Body.MethodName.EndsWith("Response", StringComparison.Ordinal))
        {
            return false;
        }

        Tr069Log.HeldRequest(logger, session.DeviceKey, envelope.Body.MethodName);
        var fault = envelope.Answer(CwmpFault.Create(CwmpFaultCodes.AcsRetryRequest));
        await WriteAsync(http, fault with { Header = fault.Header with { HoldRequests = true } }, ct);
        return true;
    }
}
