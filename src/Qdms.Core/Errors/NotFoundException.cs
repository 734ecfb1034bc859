namespace Qdms.Core.Errors;

/// <summary>The thing does not exist, or exists in a tenant the caller cannot see (the two are not told apart).</summary>
public sealed class NotFoundException(string message) : QdmsException(message)
{
    public override string Title => "Not found";

    public static NotFoundException For(string kind, object id) => new($"{kind} '{id}' was not found.");
}
