using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>Body element name → reader, for every RPC request and response of TR-069 Amendment 6 this library types.</summary>
internal static class CwmpMessageCatalog
{
    private static readonly Dictionary<string, Func<XmlElementNode, CwmpMessage>> Readers = new(StringComparer.OrdinalIgnoreCase)
    {
        [GetRpcMethodsRequest.Name] = _ => new GetRpcMethodsRequest(),
        [GetRpcMethodsResponse.Name] = GetRpcMethodsResponse.Read,
        [SetParameterValuesRequest.Name] = SetParameterValuesRequest.Read,
        [SetParameterValuesResponse.Name] = SetParameterValuesResponse.Read,
        [GetParameterValuesRequest.Name] = GetParameterValuesRequest.Read,
        [GetParameterValuesResponse.Name] = GetParameterValuesResponse.Read,
        [GetParameterNamesRequest.Name] = GetParameterNamesRequest.Read,
        [GetParameterNamesResponse.Name] = GetParameterNamesResponse.Read,
        [SetParameterAttributesRequest.Name] = SetParameterAttributesRequest.Read,
        [SetParameterAttributesResponse.Name] = _ => new SetParameterAttributesResponse(),
        [GetParameterAttributesRequest.Name] = GetParameterAttributesRequest.Read,
        [GetParameterAttributesResponse.Name] = GetParameterAttributesResponse.Read,
        [AddObjectRequest.Name] = AddObjectRequest.Read,
        [AddObjectResponse.Name] = AddObjectResponse.Read,
        [DeleteObjectRequest.Name] = DeleteObjectRequest.Read,
        [DeleteObjectResponse.Name] = DeleteObjectResponse.Read,
        [RebootRequest.Name] = RebootRequest.Read,
        [RebootResponse.Name] = _ => new RebootResponse(),
        [DownloadRequest.Name] = DownloadRequest.Read,
        [DownloadResponse.Name] = DownloadResponse.Read,
        [UploadRequest.Name] = UploadRequest.Read,
        [UploadResponse.Name] = UploadResponse.Read,
        [FactoryResetRequest.Name] = _ => new FactoryResetRequest(),
        [FactoryResetResponse.Name] = _ => new FactoryResetResponse(),
        [ScheduleInformRequest.Name] = ScheduleInformRequest.Read,
        [ScheduleInformResponse.Name] = _ => new ScheduleInformResponse(),
        [GetAllQueuedTransfersRequest.Name] = _ => new GetAllQueuedTransfersRequest(),
        [GetAllQueuedTransfersResponse.Name] = GetAllQueuedTransfersResponse.Read,
        [CancelTransferRequest.Name] = CancelTransferRequest.Read,
        [CancelTransferResponse.Name] = _ => new CancelTransferResponse(),
        [ChangeDuStateRequest.Name] = ChangeDuStateRequest.Read,
        [ChangeDuStateResponse.Name] = _ => new ChangeDuStateResponse(),
        [InformRequest.Name] = InformRequest.Read,
        [InformResponse.Name] = InformResponse.Read,
        [TransferCompleteRequest.Name] = TransferCompleteRequest.Read,
        [TransferCompleteResponse.Name] = _ => new TransferCompleteResponse(),
        [AutonomousTransferCompleteRequest.Name] = AutonomousTransferCompleteRequest.Read,
        [AutonomousTransferCompleteResponse.Name] = _ => new AutonomousTransferCompleteResponse(),
        [RequestDownloadRequest.Name] = RequestDownloadRequest.Read,
        [RequestDownloadResponse.Name] = _ => new RequestDownloadResponse(),
        [DuStateChangeCompleteRequest.Name] = DuStateChangeCompleteRequest.Read,
        [DuStateChangeCompleteResponse.Name] = _ => new DuStateChangeCompleteResponse(),
        [ScheduleDownloadRequest.Name] = ScheduleDownloadRequest.Read,
        [ScheduleDownloadResponse.Name] = _ => new ScheduleDownloadResponse(),
        [GetQueuedTransfersRequest.Name] = _ => new GetQueuedTransfersRequest(),
        [GetQueuedTransfersResponse.Name] = GetQueuedTransfersResponse.Read,
        [AutonomousDuStateChangeCompleteRequest.Name] = AutonomousDuStateChangeCompleteRequest.Read,
        [AutonomousDuStateChangeCompleteResponse.Name] = _ => new AutonomousDuStateChangeCompleteResponse(),
        [CwmpFault.Name] = CwmpFault.Read,
    };

    /// <summary>Every known Body element name.</summary>
    public static IEnumerable<string> Names => Readers.Keys;

    public static CwmpMessage Read(XmlElementNode body) =>
        Readers.TryGetValue(body.LocalName, out var read) ? read(body) : new UnknownMessage(body.LocalName);
}
