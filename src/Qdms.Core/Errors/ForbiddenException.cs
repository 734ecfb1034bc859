namespace Qdms.Core.Errors;

/// <summary>The caller is known but its role does not allow the operation.</summary>
public sealed class ForbiddenException(string message) : QdmsException(message)
{
    public override string Title => "Forbidden";
}
