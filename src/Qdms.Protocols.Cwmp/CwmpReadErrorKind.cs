namespace Qdms.Protocols.Cwmp;

/// <summary>Why an envelope was refused.</summary>
public enum CwmpReadErrorKind
{
    /// <summary>No bytes, or only whitespace: an empty HTTP POST, which the session layer handles itself.</summary>
    Empty,

    /// <summary>The envelope is larger than <see cref="CwmpReaderLimits.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>More elements than <see cref="CwmpReaderLimits.MaxElements"/>.</summary>
    TooManyElements,

    /// <summary>Elements nested deeper than <see cref="CwmpReaderLimits.MaxDepth"/>.</summary>
    TooDeep,

    /// <summary>A text or attribute longer than <see cref="CwmpReaderLimits.MaxStringLength"/>.</summary>
    StringTooLong,

    /// <summary>A DOCTYPE (DTD, entity declarations, external entities): never processed.</summary>
    DtdProhibited,

    /// <summary>Not well-formed XML (including a truncated document).</summary>
    Malformed,

    /// <summary>Well-formed XML that is not a SOAP envelope with a Body.</summary>
    NotSoapEnvelope,

    /// <summary>No urn:dslforum-org:cwmp-1-0, 1-1 or 1-2 namespace anywhere in the envelope.</summary>
    UnsupportedNamespace,

    /// <summary>A CWMP message whose content is wrong: a required element missing, a number or date that does not parse.</summary>
    InvalidContent,
}
