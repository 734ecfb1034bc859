namespace Qdms.Core.Errors;

/// <summary>The request is well-formed but its values break a rule. <see cref="Errors"/> names each field.</summary>
public sealed class ValidationException : QdmsException
{
    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public override string Title => "Invalid request";

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
