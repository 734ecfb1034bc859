namespace Qdms.Protocols.Cwmp;

/// <summary>The XML namespaces of a CWMP envelope and the mapping between <see cref="CwmpVersion"/> and its URN.</summary>
public static class CwmpNamespaces
{
    /// <summary>SOAP 1.1 envelope namespace.</summary>
    public const string SoapEnvelope = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>SOAP 1.1 encoding namespace (arrayType).</summary>
    public const string SoapEncoding = "http://schemas.xmlsoap.org/soap/encoding/";

    /// <summary>XML Schema namespace (xsd: value types).</summary>
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";

    /// <summary>XML Schema instance namespace (xsi:type).</summary>
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>CWMP 1.0 namespace.</summary>
    public const string Cwmp10 = "urn:dslforum-org:cwmp-1-0";

    /// <summary>CWMP 1.1 namespace.</summary>
    public const string Cwmp11 = "urn:dslforum-org:cwmp-1-1";

    /// <summary>CWMP 1.2 namespace (also used by CWMP 1.3 and 1.4).</summary>
    public const string Cwmp12 = "urn:dslforum-org:cwmp-1-2";

    /// <summary>The namespace URN of <paramref name="version"/>.</summary>
    public static string Of(CwmpVersion version) => version switch
    {
        CwmpVersion.Cwmp10 => Cwmp10,
        CwmpVersion.Cwmp11 => Cwmp11,
        CwmpVersion.Cwmp12 => Cwmp12,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "unknown CWMP version"),
    };

    /// <summary>The version whose namespace is <paramref name="namespaceUri"/> (compared exactly, as XML does), if any.</summary>
    public static bool TryGetVersion(string? namespaceUri, out CwmpVersion version)
    {
        switch (namespaceUri)
        {
            case Cwmp10: version = CwmpVersion.Cwmp10; return true;
            case Cwmp11: version = CwmpVersion.Cwmp11; return true;
            case Cwmp12: version = CwmpVersion.Cwmp12; return true;
            default: version = default; return false;
        }
    }
}
