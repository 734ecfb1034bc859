namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetRPCMethods (TR-069 Annex A.3.1.1): asks the other side which RPCs it supports; sent by both ACS and CPE.</summary>
public sealed record GetRpcMethodsRequest : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetRPCMethods";

    /// <inheritdoc />
    public override string MethodName => Name;
}
