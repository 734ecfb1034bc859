using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>One entry of a SetParameterValues fault's list (TR-069 Annex A.5.1): which parameter failed and why.</summary>
/// <param name="ParameterName">The parameter that could not be set.</param>
/// <param name="FaultCode">Its fault code (9005, 9006, 9007, 9008 …).</param>
/// <param name="FaultString">Human-readable reason.</param>
public sealed record SetParameterValuesFault(string ParameterName, uint FaultCode, string FaultString)
{
    internal static SetParameterValuesFault Read(XmlElementNode node) =>
        new(node.Trimmed("ParameterName"), node.UInt("FaultCode"), node.String("FaultString"));

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("SetParameterValuesFault"u8);
        writer.Element("ParameterName"u8, ParameterName);
        writer.Element("FaultCode"u8, FaultCode);
        writer.Element("FaultString"u8, FaultString);
        writer.Close("SetParameterValuesFault"u8);
    }
}
