using System.Globalization;
using Qdms.Protocols.Cwmp;

namespace Qdms.Engines.Tr069;

/// <summary>Whether a response or fault from the CPE answers the RPC the ACS awaits (TR-069 Annex A.3.1.2: cwmp:ID matches them).</summary>
internal sealed partial class AcsHandler
{
    /// <summary>
    /// True when <paramref name="envelope"/> answers the outstanding RPC: its cwmp:ID is that RPC's (or absent, as sloppy CPEs
    /// send). With nothing outstanding the answer is logged and ignored. With another cwmp:ID the CPE has lost track of the
    /// exchange: the outstanding task fails (<c>protocol</c>), any task the ID names is left alone, and the session goes on.
    /// </summary>
    private async Task<bool> IsAnswerToOutstandingAsync(AcsSession session, CwmpEnvelope envelope, CancellationToken ct)
    {
        var method = envelope.Body?.MethodName ?? "an empty envelope";
        if (session.Outstanding is not { } outstanding)
        {
            Tr069Log.Unasked(logger, session.DeviceKey, method, envelope.Header.Id ?? "(none)");
            return false;
        }

        if (envelope.Header.Id is null || string.Equals(envelope.Header.Id, outstanding.Id, StringComparison.Ordinal))
        {
            return true;
        }

        session.Outstanding = null;
        Tr069Log.WrongId(logger, session.DeviceKey, envelope.Header.Id, outstanding.Id, outstanding.Method);
        await services.Tasks.MarkFailedAsync(outstanding.Task.Id, "protocol",
            string.Create(CultureInfo.InvariantCulture, $"The CPE answered {outstanding.Method} (cwmp:ID {outstanding.Id}) with {method} under cwmp:ID {envelope.Header.Id}."),
            services.Time.GetUtcNow(), ct);
        return false;
    }
}
