using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>GetRPCMethodsResponse (TR-069 Annex A.3.1.1): the RPC names the sender supports.</summary>
/// <param name="MethodList">Method names, e.g. "GetParameterValues".</param>
public sealed record GetRpcMethodsResponse(CwmpList<string> MethodList) : CwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "GetRPCMethodsResponse";

    /// <inheritdoc />
    public override string MethodName => Name;

    internal static GetRpcMethodsResponse Read(XmlElementNode node) => new(Strings.ReadArray(node, "MethodList"));

    private protected override void WriteContent(CwmpXmlWriter writer) => writer.StringArray("MethodList"u8, MethodList);
}
