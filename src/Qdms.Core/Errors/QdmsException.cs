namespace Qdms.Core.Errors;

/// <summary>
/// A failure the caller can act on. The server turns each subclass into one HTTP status and an
/// <c>application/problem+json</c> body whose detail is <see cref="Exception.Message"/>.
/// </summary>
public abstract class QdmsException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A short, stable title for the kind of failure ("Not found", "Conflict" …).</summary>
    public abstract string Title { get; }
}
