using System.Globalization;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Tools.CpeSim;

public sealed partial class SimulatedCpe
{
    private static readonly CwmpList<string> CpeMethods =
    [
        "GetRPCMethods", "SetParameterValues", "GetParameterValues", "GetParameterNames", "SetParameterAttributes",
        "GetParameterAttributes", "AddObject", "DeleteObject", "Reboot", "Download", "FactoryReset", "ScheduleInform",
        "GetAllQueuedTransfers", "CancelTransfer", "Upload",
    ];

    /// <summary>The CPE's answer to one ACS request (TR-069 Annex A.3.2): its response or a CPE fault.</summary>
    private CwmpMessage Answer(CwmpMessage request) => request switch
    {
        GetRpcMethodsRequest => new GetRpcMethodsResponse(CpeMethods),
        GetParameterValuesRequest gpv => GetValues(gpv),
        GetParameterNamesRequest gpn => Model.Names(gpn.ParameterPath, gpn.NextLevel) is { } names
            ? new GetParameterNamesResponse(CwmpList.From(names.Select(n => new ParameterInfo(n.Name, n.Writable))))
            : CwmpFault.Create(CwmpFaultCodes.InvalidParameterName),
        GetParameterAttributesRequest gpa => GetAttributes(gpa),
        SetParameterAttributesRequest spa => SetAttributes(spa),
        SetParameterValuesRequest spv => SetValues(spv),
        AddObjectRequest add => Model.AddObject(add.ObjectName) is { } instance
            ? Keyed(add.ParameterKey, new AddObjectResponse(instance, 0))
            : CwmpFault.Create(CwmpFaultCodes.InvalidParameterName, $"{add.ObjectName} is not a multi-instance object"),
        DeleteObjectRequest delete => Model.DeleteObject(delete.ObjectName)
            ? Keyed(delete.ParameterKey, new DeleteObjectResponse(0))
            : CwmpFault.Create(CwmpFaultCodes.InvalidParameterName, $"{delete.ObjectName} is not an object instance"),
        RebootRequest reboot => Pending(new PendingAction.Reboot(reboot.CommandKey), new RebootResponse()),
        FactoryResetRequest => Pending(new PendingAction.FactoryReset(), new FactoryResetResponse()),
        DownloadRequest download => Download(download),
        ScheduleInformRequest schedule => ScheduleInform(schedule),
        UploadRequest upload => Upload(upload),
        GetAllQueuedTransfersRequest => new GetAllQueuedTransfersResponse([]),
        CancelTransferRequest => CwmpFault.Create(CwmpFaultCodes.CancelNotPermitted),
        _ => CwmpFault.Create(CwmpFaultCodes.MethodNotSupported),
    };

    private CwmpMessage GetValues(GetParameterValuesRequest request)
    {
        var values = new List<ParameterValue>();
        foreach (var name in request.ParameterNames)
        {
            var selected = Model.Select(name);
            if (selected.Count == 0)
            {
                return CwmpFault.Create(CwmpFaultCodes.InvalidParameterName, $"{name} is not in the data model");
            }

            values.AddRange(selected.Select(p => new ParameterValue(p.Name, p.Value, p.Type)));
        }

        return new GetParameterValuesResponse(CwmpList.From(values));
    }

    private CwmpMessage GetAttributes(GetParameterAttributesRequest request)
    {
        var attributes = new List<ParameterAttribute>();
        foreach (var name in request.ParameterNames)
        {
            var selected = Model.Select(name);
            if (selected.Count == 0)
            {
                return CwmpFault.Create(CwmpFaultCodes.InvalidParameterName, $"{name} is not in the data model");
            }

            attributes.AddRange(selected.Select(p => new ParameterAttribute(p.Name, p.Notification, [])));
        }

        return new GetParameterAttributesResponse(CwmpList.From(attributes));
    }

    private CwmpMessage SetAttributes(SetParameterAttributesRequest request)
    {
        if (request.ParameterList.FirstOrDefault(c => Model.Select(c.Name).Count == 0) is { } unknown)
        {
            return CwmpFault.Create(CwmpFaultCodes.InvalidParameterName, $"{unknown.Name} is not in the data model");
        }

        foreach (var change in request.ParameterList.Where(c => c.NotificationChange))
        {
            foreach (var p in Model.Select(change.Name))
            {
                p.Notification = change.Notification;
            }
        }

        return new SetParameterAttributesResponse();
    }

    /// <summary>SetParameterValues is all or nothing (TR-069 Annex A.3.2.1): any bad parameter gives 9003 with one entry per fault.</summary>
    private CwmpMessage SetValues(SetParameterValuesRequest request)
    {
        var faults = new List<SetParameterValuesFault>();
        foreach (var value in request.ParameterList)
        {
            var p = Model.Find(value.Name);
            var code = p is null ? CwmpFaultCodes.InvalidParameterName
                : !p.Writable ? CwmpFaultCodes.NonWritableParameter
                : !DataModel.IsValid(p.Type, value.Value) ? CwmpFaultCodes.InvalidParameterValue
                : 0u;
            if (code != 0)
            {
                faults.Add(new SetParameterValuesFault(value.Name, code, CwmpFaultCodes.Describe(code)));
            }
        }

        if (faults.Count > 0)
        {
            return CwmpFault.Create(CwmpFaultCodes.InvalidArguments, null, CwmpList.From(faults));
        }

        foreach (var value in request.ParameterList)
        {
            Model.Find(value.Name)!.Value = value.Value;
        }

        return Keyed(request.ParameterKey, new SetParameterValuesResponse(0));
    }

    private CwmpMessage Download(DownloadRequest request)
    {
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return CwmpFault.Create(CwmpFaultCodes.UnsupportedTransferProtocol, $"cannot fetch '{request.Url}'");
        }

        return Pending(
            new PendingAction.Download(request.CommandKey, url, request.FileSize, request.Username, request.Password),
            new DownloadResponse(1, CwmpTime.Unknown, CwmpTime.Unknown));
    }

    private CwmpMessage Keyed(string parameterKey, CwmpMessage response)
    {
        if (Model.Find("Device.ManagementServer.ParameterKey") is { } key)
        {
            key.Value = parameterKey;
        }

        return response;
    }

    private CwmpMessage Pending(PendingAction action, CwmpMessage response)
    {
        _pending.Add(action);
        return response;
    }

    /// <summary>Carries out what the last session asked for; returns the events of the session that reports it, or none.</summary>
    private async Task<IReadOnlyList<InformEvent>> FollowUpAsync(CancellationToken ct)
    {
        var events = new List<InformEvent>();
        var actions = _pending.ToList();
        _pending.Clear();
        foreach (var action in actions)
        {
            switch (action)
            {
                case PendingAction.Reboot reboot:
                    events.Add(new InformEvent("M Reboot", reboot.CommandKey));
                    AddOnce(events, "1 BOOT");
                    break;
                case PendingAction.FactoryReset:
                    Model = _factory.Clone();
                    Bootstrapped = false;
                    AddOnce(events, "0 BOOTSTRAP");
                    AddOnce(events, "1 BOOT");
                    break;
                case PendingAction.Download download:
                    _transferComplete = await FetchAsync(download, ct);
                    events.Add(new InformEvent("M Download", download.CommandKey));
                    AddOnce(events, "7 TRANSFER COMPLETE");
                    AddOnce(events, "1 BOOT");
                    break;
                case PendingAction.Upload upload:
                    _transferComplete = await SendAsync(upload, ct);
                    events.Add(new InformEvent("M Upload", upload.CommandKey));
                    AddOnce(events, "7 TRANSFER COMPLETE");
                    break;
            }
        }

        return events;
    }

    /// <summary>Fetches a Download's file and checks its size; the TransferComplete that reports the result.</summary>
    private async Task<TransferCompleteRequest> FetchAsync(PendingAction.Download download, CancellationToken ct)
    {
        var start = DateTimeOffset.UtcNow;
        TransferFault fault;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, download.Url);
            if (download.Username.Length > 0)
            {
                var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{download.Username}:{download.Password}"));
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", token);
            }

            using var response = await _downloads.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                fault = new TransferFault(CwmpFaultCodes.FileTransferFailure, $"the file server answered {(int)response.StatusCode}");
            }
            else
            {
                var content = await response.Content.ReadAsByteArrayAsync(ct);
                if (download.FileSize != 0 && content.Length != download.FileSize)
                {
                    fault = new TransferFault(CwmpFaultCodes.FileCorrupted, string.Create(CultureInfo.InvariantCulture, $"got {content.Length} bytes, expected {download.FileSize}"));
                }
                else
                {
                    Downloads.Enqueue((download.Url, content));
                    fault = TransferFault.None;
                }
            }
        }
        catch (HttpRequestException e)
        {
            fault = new TransferFault(CwmpFaultCodes.FileTransferFailure, e.Message);
        }

        return new TransferCompleteRequest(download.CommandKey, fault, start, DateTimeOffset.UtcNow);
    }

    private static void AddOnce(List<InformEvent> events, string code)
    {
        if (!events.Any(e => e.EventCode == code))
        {
            events.Add(new InformEvent(code));
        }
    }
}
