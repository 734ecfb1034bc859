namespace Qdms.Protocols.Cwmp.Xml;

/// <summary>Raised inside the reader for a refused envelope; <see cref="CwmpReader"/> turns it into a <see cref="CwmpReadError"/>.</summary>
internal sealed class CwmpContentException(CwmpReadError error) : Exception(error.Message)
{
    public CwmpReadError Error { get; } = error;
}
