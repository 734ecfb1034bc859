using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>
/// A Body element this library does not know (a vendor method, Kicked, SetVouchers …). Reading succeeds so that the
/// session layer, which has the cwmp:ID, can answer with fault 8000 or 9000 "Method not supported". Its arguments are not kept.
/// </summary>
/// <param name="Method">The element's local name.</param>
public sealed record UnknownMessage(string Method) : CwmpMessage
{
    /// <inheritdoc />
    public override string MethodName => Method;

    private protected override bool IsEmptyBody => true;

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
    }
}
