using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Qdms.Core.Devices;
using Qdms.Core.Events;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

internal sealed partial class AcsHandler
{
    /// <summary>
    /// Starts a session for an Inform: finds or creates the device by <c>OUI-ProductClass-SerialNumber</c>, refuses with 503
    /// and Retry-After when the device already has a live session, records the contact, the Inform's parameters and one event
    /// per event code, and answers InformResponse with the session cookie.
    /// </summary>
    private async Task BeginAsync(HttpContext http, CwmpEnvelope envelope, InformRequest inform, string remote, CancellationToken ct)
    {
        var id = inform.DeviceId;
        var key = id.ProductClass.Length > 0 ? $"{id.Oui}-{id.ProductClass}-{id.SerialNumber}" : $"{id.Oui}-{id.SerialNumber}";
        var now = services.Time.GetUtcNow();
        var software = ValueOf(inform, ".DeviceInfo.SoftwareVersion");
        var identity = new DeviceIdentity("tr069", key);
        var draft = new DeviceDraft(key, [identity], Blank(id.Manufacturer), Blank(id.ProductClass), id.SerialNumber, software, remote);
        var device = await gate.AdmitAsync(http, identity, draft, remote, now, ct);
        if (device is null)
        {
            return; // answered 401 or 403 (CPE authentication)
        }

        var session = new AcsSession(AcsSessionTable.NewId(), device.Id, device.TenantId, key, envelope.Version, remote, services.Time.GetTimestamp());
        if (sessions.TryBegin(session, out var replaced) is not null)
        {
            Interlocked.Increment(ref counters.SessionsRefused);
            Tr069Log.Busy(logger, session.Id, key, remote);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return;
        }

        Interlocked.Increment(ref counters.SessionsStarted);
        if (replaced is not null)
        {
            await AbandonAsync(replaced, "it timed out and the CPE started a new session", ct);
        }

        await session.Gate.WaitAsync(ct);
        try
        {
            await RecordInformAsync(
                session, identity, inform, new DeviceReport(Blank(id.Manufacturer), Blank(id.ProductClass), id.SerialNumber, software, remote, DeviceStatus.Online), now, ct);

            await ProvisionAsync(device, inform, software, remote, now, ct);

            http.Response.Cookies.Append(CookieName, session.Id, new CookieOptions { HttpOnly = true, Path = "/" });
            await WriteAsync(http, AnswerInform(envelope, session), ct);
        }
        catch
        {
            sessions.End(session);
            throw;
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>
    /// After a session ended without the CPE answering its outstanding RPC: that task fails (a Download that the CPE accepted
    /// is not outstanding; it waits for TransferComplete).
    /// </summary>
    public async Task AbandonAsync(AcsSession session, string reason, CancellationToken ct)
    {
        if (!session.Lingering) // a session left open after a released hold ends quietly
        {
            Tr069Log.Abandoned(logger, session.DeviceKey, reason);
        }

        if (session.Outstanding is { } outstanding)
        {
            session.Outstanding = null;
            await services.Tasks.MarkFailedAsync(outstanding.Task.Id, "session", $"The CWMP session ended before the CPE answered {outstanding.Method}: {reason}.",
                services.Time.GetUtcNow(), ct);
        }
    }

    /// <summary>TransferComplete (TR-069 Annex A.3.3.2): settles the download or upload task named by its CommandKey <c>task-{id}</c>.</summary>
    private async Task CompleteTransferAsync(AcsSession session, TransferCompleteRequest transfer, CancellationToken ct)
    {
        if (!TryTaskId(transfer.CommandKey, out var taskId))
        {
            return; // a transfer the ACS did not ask for through a task
        }

        var task = await services.Tasks.GetAsync(taskId, Qdms.Core.Security.TenantScope.Of(session.TenantId), ct);
        if (task is null || task.DeviceId != session.DeviceId)
        {
            return;
        }

        await SettleTransferAsync(session, task, transfer, ct);
    }

    private static NewDeviceEvent ToEvent(AcsSession session, InformEvent e, DateTimeOffset now)
    {
        var data = e.CommandKey.Length > 0 ? new JsonObject { ["commandKey"] = e.CommandKey }.ToJsonString() : null;
        return new NewDeviceEvent(session.TenantId, session.DeviceId, "tr069", e.EventCode, EventSeverity.Info, now,
            $"Inform from {session.DeviceKey}: {e.EventCode}", $"http:{session.Remote}", data);
    }

    private static DeviceParameter ToParameter(long deviceId, ParameterValue value, bool writable, DateTimeOffset now) =>
        new(deviceId, value.Name, value.Value, value.Type, writable, now);

    private static string? ValueOf(InformRequest inform, string suffix) =>
        inform.ParameterList.FirstOrDefault(p => p.Name.EndsWith(suffix, StringComparison.Ordinal))?.Value;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Time(DateTimeOffset time) => time == CwmpTime.Unknown ? null : time.ToString("O", CultureInfo.InvariantCulture);

    private static bool TryTaskId(string commandKey, out long id)
    {
        id = 0;
        return commandKey.StartsWith(TaskKeyPrefix, StringComparison.Ordinal)
            && long.TryParse(commandKey.AsSpan(TaskKeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }
}
