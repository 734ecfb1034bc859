namespace Qdms.Agent;

/// <summary>What the agent answers to one request.</summary>
internal sealed record AgentResponse(int Status, string ContentType, byte[] Body, bool Challenge = false)
{
    public static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        _ => "Error",
    };
}
