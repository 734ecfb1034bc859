namespace Qdms.Protocols.Cwmp;

/// <summary>Thrown by <see cref="CwmpReader.Read(ReadOnlySpan{byte}, CwmpReaderLimits?)"/> when an envelope is refused.</summary>
public sealed class CwmpParseException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public CwmpParseException(CwmpReadError error)
        : base(error.ToString()) => Error = error;

    /// <summary>The reason the envelope was refused.</summary>
    public CwmpReadError Error { get; }
}
