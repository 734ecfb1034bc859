namespace Qdms.Client;

/// <summary>The server answered with an error; <see cref="Exception.Message"/> is its problem detail.</summary>
public sealed class QdmsApiException(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;
}
