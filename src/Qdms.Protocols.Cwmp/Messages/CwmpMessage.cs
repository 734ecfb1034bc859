using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>
/// The single element of a CWMP envelope's Body: an RPC request, an RPC response, or a <see cref="CwmpFault"/>.
/// Each RPC of TR-069 Amendment 6 (Annex A.3 and A.4) has its own sealed record.
/// </summary>
public abstract record CwmpMessage
{
    private protected CwmpMessage()
    {
    }

    /// <summary>The Body element's local name, e.g. "Inform" or "GetParameterValuesResponse".</summary>
    public abstract string MethodName { get; }

    /// <summary>True for messages without arguments, written as <c>&lt;cwmp:Name/&gt;</c>.</summary>
    private protected virtual bool IsEmptyBody => false;

    internal virtual void WriteBody(CwmpXmlWriter writer)
    {
        if (IsEmptyBody)
        {
            writer.Raw("<cwmp:"u8);
            writer.Text(MethodName);
            writer.Raw("/>"u8);
            return;
        }
        writer.OpenMethod(MethodName);
        WriteContent(writer);
        writer.CloseMethod(MethodName);
    }

    private protected abstract void WriteContent(CwmpXmlWriter writer);
}
