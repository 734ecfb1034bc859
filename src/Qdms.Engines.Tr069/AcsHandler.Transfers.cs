using System.Globalization;
using System.Text.Json.Nodes;
using Qdms.Core.Devices;
using Qdms.Core.Events;
using Qdms.Core.Security;
using Qdms.Engines.Tr069.Transfers;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

internal sealed partial class AcsHandler
{
    private readonly UploadSlots _uploads = new(services.Time);
    private readonly TransferWatch _transfers = new();

    /// <summary>Downloads and uploads accepted with Status 1 whose TransferComplete is still due.</summary>
    public int TransfersAwaited => _transfers.Count;

    /// <summary>
    /// A Download or Upload the CPE accepted with Status 1: its task stays sent until TransferComplete, at most
    /// <c>downloadTimeoutSeconds</c>.
    /// </summary>
    private void AwaitTransfer(AcsSession session, OutstandingRpc outstanding) =>
        _transfers.Watch(new WatchedTransfer(outstanding.Task.Id, session.DeviceKey, outstanding.Method,
            services.Time.GetUtcNow().AddSeconds(config.DownloadTimeoutSeconds)));

    /// <summary>Fails the tasks of transfers whose TransferComplete is overdue (fault code <c>timeout</c>); drops expired upload tokens.</summary>
    public async Task SweepTransfersAsync(CancellationToken ct)
    {
        _uploads.Sweep();
        var now = services.Time.GetUtcNow();
        foreach (var transfer in _transfers.TakeOverdue(now))
        {
            _uploads.Close(transfer.TaskId);
            Tr069Log.TransferTimedOut(logger, transfer.DeviceKey, transfer.Method, transfer.TaskId, config.DownloadTimeoutSeconds);
            await services.Tasks.MarkFailedAsync(transfer.TaskId, "timeout",
                $"The CPE accepted the {transfer.Method} but sent no TransferComplete within {config.DownloadTimeoutSeconds} s (downloadTimeoutSeconds).", now, ct);
        }
    }

    /// <summary>
    /// TransferComplete (TR-069 Annex A.3.3.2) for a task of this device: fault 0 → done (an upload with the id of the file
    /// that arrived), else failed with the CPE's code. One for a task already settled (timed out, expired) is recorded as a
    /// device event and changes nothing.
    /// </summary>
    private async Task SettleTransferAsync(AcsSession session, DeviceTask task, TransferCompleteRequest transfer, CancellationToken ct)
    {
        _transfers.Forget(task.Id);
        var now = services.Time.GetUtcNow();
        var upload = task.Kind == TaskKinds.Upload;
        long? fileId = upload && _uploads.TryCollect(task.Id, out var arrived) ? arrived : null;
        _uploads.Close(task.Id);
        if (task.Status is not (DeviceTaskStatus.Queued or DeviceTaskStatus.Sent))
        {
            await RecordLateTransferAsync(session, task, transfer, fileId, now, ct);
            return;
        }

        if (!transfer.Fault.IsSuccess)
        {
            if (fileId is { } partial)
            {
                await services.Files.UnregisterAsync(Caller.System, partial, CancellationToken.None); // the CPE disowns what it sent
            }

            await services.Tasks.MarkFailedAsync(task.Id, transfer.Fault.FaultCode.ToString(CultureInfo.InvariantCulture),
                Blank(transfer.Fault.FaultString) ?? CwmpFaultCodes.Describe(transfer.Fault.FaultCode), now, ct);
            return;
        }

        var result = new JsonObject { ["startTime"] = Time(transfer.StartTime), ["completeTime"] = Time(transfer.CompleteTime) };
        if (upload)
        {
            if (fileId is null)
            {
                await services.Tasks.MarkFailedAsync(task.Id, "upload", "The CPE reported its upload complete, but no file arrived at the upload URL.", now, ct);
                return;
            }

            result["fileId"] = fileId;
        }

        await services.Tasks.MarkDoneAsync(task.Id, result.ToJsonString(), now, ct);
    }

    private async Task RecordLateTransferAsync(AcsSession session, DeviceTask task, TransferCompleteRequest transfer, long? fileId, DateTimeOffset now, CancellationToken ct)
    {
        var status = task.Status.ToString().ToLowerInvariant();
        Tr069Log.LateTransfer(logger, session.DeviceKey, task.Id, status);
        var data = new JsonObject
        {
            ["taskId"] = task.Id,
            ["commandKey"] = transfer.CommandKey,
            ["faultCode"] = transfer.Fault.FaultCode,
            ["faultString"] = transfer.Fault.FaultString,
            ["taskStatus"] = status,
        };
        if (fileId is { } id)
        {
            data["fileId"] = id;
        }

        await services.Events.AppendAsync(
            [new NewDeviceEvent(session.TenantId, session.DeviceId, "tr069", TransferCompleteRequest.Name, EventSeverity.Warning, now,
                $"TransferComplete from {session.DeviceKey} for task {task.Id}, which is already {status}: fault {transfer.Fault.FaultCode}",
                $"http:{session.Remote}", data.ToJsonString())], ct);
    }
}
