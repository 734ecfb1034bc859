using System.Globalization;
using Microsoft.AspNetCore.Http;
using Qdms.Core.Devices;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

/// <summary>The handler's load path: admission of new sessions, and the group-committed Inform writes.</summary>
internal sealed partial class AcsHandler
{
    /// <summary>
    /// Starts a session for an Inform that came without one, unless the engine is at <c>maxSessions</c>: then 503 with a
    /// jittered Retry-After, counted as <c>sessionsShed</c>.
    /// </summary>
    private async Task AdmitAsync(HttpContext http, CwmpEnvelope envelope, InformRequest inform, string remote, CancellationToken ct)
    {
        if (!load.Admission.TryEnter(sessions.Live))
        {
            Interlocked.Increment(ref counters.SessionsShed);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = AcsAdmission.RetryAfterSeconds().ToString(CultureInfo.InvariantCulture);
            return;
        }

        try
        {
            await BeginOnceMoreIfStaleAsync(http, envelope, inform, remote, ct);
        }
        finally
        {
            load.Admission.Leave();
        }
    }

    /// <summary><see cref="BeginAsync"/>, again with a fresh look-up when the cached device turned out stale.</summary>
    private async Task BeginOnceMoreIfStaleAsync(HttpContext http, CwmpEnvelope envelope, InformRequest inform, string remote, CancellationToken ct)
    {
        try
        {
            await BeginAsync(http, envelope, inform, remote, ct);
        }
        catch (StaleDeviceException)
        {
            await BeginAsync(http, envelope, inform, remote, ct);
        }
    }

    /// <summary>
    /// Records the Inform (contact, parameters, one event per event code) through the group-commit writer and returns once it is
    /// durable. A device that lost the identity meanwhile (deleted) surfaces as <see cref="StaleDeviceException"/> (nothing was written).
    /// </summary>
    private async Task RecordInformAsync(AcsSession session, DeviceIdentity identity, InformRequest inform, DeviceReport report, DateTimeOffset now, CancellationToken ct)
    {
        var contact = new DeviceContact(session.DeviceId, identity, report, now,
            [.. inform.ParameterList.Select(p => ToParameter(session.DeviceId, p, false, now))],
            [.. inform.Events.Select(e => ToEvent(session, e, now))]);
        if (!await load.Contacts.RecordAsync(contact, ct))
        {
            throw new StaleDeviceException(identity.Key);
        }
    }
}
