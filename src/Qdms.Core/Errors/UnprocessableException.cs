namespace Qdms.Core.Errors;

/// <summary>The content is understood but cannot be accepted as it is (a CRC that does not match the bytes).</summary>
public sealed class UnprocessableException(string message) : QdmsException(message)
{
    public override string Title => "Unprocessable content";
}
