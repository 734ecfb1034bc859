namespace Qdms.Core.Errors;

/// <summary>The request body is larger than the configured limit.</summary>
public sealed class PayloadTooLargeException(string message) : QdmsException(message)
{
    public override string Title => "Payload too large";
}
