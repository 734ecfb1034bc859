using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>TransferCompleteFaultStruct / DeploymentUnitFaultStruct: 0 and an empty string when the operation succeeded.</summary>
/// <param name="FaultCode">0 for success, else a CPE fault code (9001, 9010 …).</param>
/// <param name="FaultString">Human-readable reason.</param>
public sealed record TransferFault(uint FaultCode, string FaultString = "")
{
    /// <summary>No fault.</summary>
    public static TransferFault None { get; } = new(0);

    /// <summary>True when <see cref="FaultCode"/> is 0.</summary>
    public bool IsSuccess => FaultCode == 0;

    internal static TransferFault Read(XmlElementNode? node) =>
        node is null ? None : new(node.UInt("FaultCode"), node.String("FaultString"));

    internal void Write(CwmpXmlWriter writer, ReadOnlySpan<byte> name)
    {
        writer.Open(name);
        writer.Element("FaultCode"u8, FaultCode);
        writer.Element("FaultString"u8, FaultString);
        writer.Close(name);
    }
}
