namespace Qdms.Scenarios.Format;

/// <summary>How the received byte stream is cut into frames.</summary>
public enum FramingKind
{
    /// <summary>Whatever one read (or one datagram) returned is a frame.</summary>
    Raw,

    /// <summary>A frame ends with a delimiter (e.g. CR LF); the delimiter is not part of the frame.</summary>
    Delimiter,

    /// <summary>A 1, 2 or 4 byte length field comes first.</summary>
    Length,

    /// <summary>Every frame has the same size.</summary>
    Fixed,

    /// <summary>A frame ends when the line stays quiet for a gap.</summary>
    Idle,
}
