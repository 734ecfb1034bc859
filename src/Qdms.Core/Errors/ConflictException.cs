namespace Qdms.Core.Errors;

/// <summary>The request clashes with the current state: a duplicate name, a busy resource.</summary>
public sealed class ConflictException(string message) : QdmsException(message)
{
    public override string Title => "Conflict";
}
