using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Tools.CpeSim;

/// <summary>Upload (TR-069 Annex A.4.1.5) and ScheduleInform (A.4.1.2) on the CPE side.</summary>
public sealed partial class SimulatedCpe
{
    /// <summary>Each file this CPE uploaded: the URL, the HTTP status the server answered and the bytes sent.</summary>
    public ConcurrentQueue<(Uri Url, int Status, byte[] Content)> Uploads { get; } = new();

    /// <summary>The requests this CPE held back because the ACS sent HoldRequests, sent once the ACS released the hold.</summary>
    public ConcurrentQueue<string> HeldRequests { get; } = new();

    /// <summary>Each ScheduleInform the ACS sent: its DelaySeconds and CommandKey (the simulator does not wait for them).</summary>
    public ConcurrentQueue<(uint DelaySeconds, string CommandKey)> ScheduledInforms { get; } = new();

    /// <summary>
    /// Carries out what the last session asked for (reboot, download, upload …) without opening the session that reports it;
    /// returns that session's events, for <see cref="SessionAsync"/>. Lets a test act between the two.
    /// </summary>
    public Task<IReadOnlyList<InformEvent>> CarryOutAsync(CancellationToken ct) => FollowUpAsync(ct);

    private CwmpMessage Upload(UploadRequest request)
    {
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return CwmpFault.Create(CwmpFaultCodes.UnsupportedTransferProtocol, $"cannot upload to '{request.Url}'");
        }

        return Pending(new PendingAction.Upload(request.CommandKey, request.FileType, url), new UploadResponse(1, CwmpTime.Unknown, CwmpTime.Unknown));
    }

    private ScheduleInformResponse ScheduleInform(ScheduleInformRequest request)
    {
        ScheduledInforms.Enqueue((request.DelaySeconds, request.CommandKey));
        return new ScheduleInformResponse();
    }

    /// <summary>
    /// PUTs the file an Upload asked for (a configuration file: the data model as <c>name=value</c> lines; a log: a few lines
    /// of log) and returns the TransferComplete that reports it: 0, or 9011 when the server refused it.
    /// </summary>
    private async Task<TransferCompleteRequest> SendAsync(PendingAction.Upload upload, CancellationToken ct)
    {
        var start = DateTimeOffset.UtcNow;
        var content = upload.FileType.StartsWith('2') || upload.FileType.StartsWith('4')
            ? Encoding.UTF8.GetBytes($"{start:O} cwmp: session with the ACS\n{start:O} cwmp: upload of the log requested\n")
            : Encoding.UTF8.GetBytes(string.Concat(Model.Select("Device.").Select(p => $"{p.Name}={p.Value}\n")));
        TransferFault fault;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, upload.Url) { Content = new ByteArrayContent(content) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await _acs.SendAsync(request, ct);
            Uploads.Enqueue((upload.Url, (int)response.StatusCode, content));
            fault = response.IsSuccessStatusCode ? TransferFault.None
                : new TransferFault(CwmpFaultCodes.UploadFailure, $"the server answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            fault = new TransferFault(CwmpFaultCodes.UploadFailure, e.Message);
        }

        return new TransferCompleteRequest(upload.CommandKey, fault, start, DateTimeOffset.UtcNow);
    }
}
