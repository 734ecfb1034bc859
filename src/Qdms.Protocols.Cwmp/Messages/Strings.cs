using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>Reads xsd:string arrays (ParameterNames, MethodList, AccessList), trimming each item.</summary>
internal static class Strings
{
    public static CwmpList<string> ReadArray(XmlElementNode parent, string name)
    {
        var items = parent.Items(name);
        var result = new string[items.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = items[i].Text.Trim();
        return CwmpList.Wrap(result);
    }
}
