namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>The xsi:type names TR-106 data types map to (TR-069 Annex A.2.1), without the xsd: prefix.</summary>
public static class XsdTypes
{
    /// <summary>xsd:string, also the type assumed when a CPE sends no xsi:type.</summary>
    public const string String = "string";

    /// <summary>xsd:int.</summary>
    public const string Int = "int";

    /// <summary>xsd:unsignedInt.</summary>
    public const string UnsignedInt = "unsignedInt";

    /// <summary>xsd:long.</summary>
    public const string Long = "long";

    /// <summary>xsd:unsignedLong.</summary>
    public const string UnsignedLong = "unsignedLong";

    /// <summary>xsd:boolean.</summary>
    public const string Boolean = "boolean";

    /// <summary>xsd:dateTime.</summary>
    public const string DateTime = "dateTime";

    /// <summary>xsd:base64Binary as CWMP names it.</summary>
    public const string Base64 = "base64";

    /// <summary>xsd:hexBinary.</summary>
    public const string HexBinary = "hexBinary";

    private static readonly string[] Known = [String, Int, UnsignedInt, Long, UnsignedLong, Boolean, DateTime, Base64, HexBinary];

    /// <summary>
    /// The local type name of an xsi:type attribute: the prefix (any, or none) removed, a known name's case corrected
    /// ("xsd:String" → "string"), an empty or missing type taken as "string", an unknown one kept as sent.
    /// </summary>
    public static string FromXsiType(string? xsiType)
    {
        if (string.IsNullOrWhiteSpace(xsiType))
            return String;
        var local = xsiType.AsSpan().Trim();
        var colon = local.LastIndexOf(':');
        if (colon >= 0)
            local = local[(colon + 1)..];
        if (local.IsEmpty)
            return String;
        foreach (var known in Known)
        {
            if (local.Equals(known, StringComparison.OrdinalIgnoreCase))
                return known;
        }
        return local.ToString();
    }
}
