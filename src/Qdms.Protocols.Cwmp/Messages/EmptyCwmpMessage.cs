using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>A message without arguments (FactoryReset, RebootResponse, TransferCompleteResponse …).</summary>
public abstract record EmptyCwmpMessage : CwmpMessage
{
    private protected EmptyCwmpMessage()
    {
    }

    private protected override bool IsEmptyBody => true;

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
    }
}
