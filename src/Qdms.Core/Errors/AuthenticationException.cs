namespace Qdms.Core.Errors;

/// <summary>Credentials are missing, wrong or expired.</summary>
public sealed class AuthenticationException(string message) : QdmsException(message)
{
    public override string Title => "Unauthorized";
}
