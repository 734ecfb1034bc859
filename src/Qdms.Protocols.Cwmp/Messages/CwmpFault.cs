using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>
/// A SOAP Fault carrying a cwmp:Fault detail (TR-069 Annex A.5): the answer to an RPC that failed, in either direction.
/// SetParameterValues faults list each failing parameter.
/// </summary>
/// <param name="FaultCode">8000–8899 from the ACS, 9000–9899 from the CPE.</param>
/// <param name="FaultString">Human-readable reason.</param>
/// <param name="SoapFaultCode">SOAP faultcode: "Client" (the request was wrong) or "Server".</param>
/// <param name="SetParameterValuesFaults">Per-parameter faults of a SetParameterValues, else empty.</param>
public sealed record CwmpFault(uint FaultCode, string FaultString, string SoapFaultCode, CwmpList<SetParameterValuesFault> SetParameterValuesFaults)
    : CwmpMessage
{
    /// <summary>The Body element name (in the SOAP envelope namespace).</summary>
    public const string Name = "Fault";

    /// <inheritdoc />
    public override string MethodName => Name;

    /// <summary>True when the fault came from (or is meant for) a CPE: codes 9000 and up.</summary>
    public bool IsCpeFault => FaultCode >= 9000;

    /// <summary>
    /// A fault with the standard string and SOAP faultcode of <paramref name="faultCode"/> (TR-069 Tables 15 and 16),
    /// unless <paramref name="faultString"/> is given.
    /// </summary>
    public static CwmpFault Create(uint faultCode, string? faultString = null, CwmpList<SetParameterValuesFault>? setParameterValuesFaults = null) =>
        new(faultCode, faultString ?? CwmpFaultCodes.Describe(faultCode), CwmpFaultCodes.SoapFaultCode(faultCode),
            setParameterValuesFaults ?? CwmpList<SetParameterValuesFault>.Empty);

    internal static CwmpFault Read(XmlElementNode node)
    {
        // Some CPEs put the cwmp:Fault straight into the Body, without the SOAP Fault around it.
        var detail = node.Child("detail") is null && CwmpNamespaces.TryGetVersion(node.NamespaceUri, out _)
            ? node
            : node.Required("detail").Required("Fault");
        if (detail.Child("FaultCode") is null)
            throw detail.Invalid("cwmp:Fault has no FaultCode");
        var code = detail.UInt("FaultCode");
        var soapCode = ReferenceEquals(detail, node) ? "" : node.Trimmed("faultcode");
        var colon = soapCode.LastIndexOf(':');
        if (colon >= 0)
            soapCode = soapCode[(colon + 1)..];
        if (soapCode.Length == 0)
            soapCode = CwmpFaultCodes.SoapFaultCode(code);
        var spvFaults = new List<SetParameterValuesFault>();
        foreach (var child in detail.Children)
        {
            if (string.Equals(child.LocalName, "SetParameterValuesFault", StringComparison.OrdinalIgnoreCase))
                spvFaults.Add(SetParameterValuesFault.Read(child));
        }
        return new(code, detail.String("FaultString"), soapCode, CwmpList.Wrap(spvFaults.ToArray()));
    }

    internal override void WriteBody(CwmpXmlWriter writer)
    {
        writer.Open("soap-env:Fault"u8);
        writer.Element("faultcode"u8, SoapFaultCode);
        writer.Element("faultstring"u8, "CWMP fault");
        writer.Open("detail"u8);
        writer.Open("cwmp:Fault"u8);
        writer.Element("FaultCode"u8, FaultCode);
        writer.Element("FaultString"u8, FaultString);
        foreach (var item in SetParameterValuesFaults)
            item.Write(writer);
        writer.Close("cwmp:Fault"u8);
        writer.Close("detail"u8);
        writer.Close("soap-env:Fault"u8);
    }

    private protected override void WriteContent(CwmpXmlWriter writer)
    {
    }
}
