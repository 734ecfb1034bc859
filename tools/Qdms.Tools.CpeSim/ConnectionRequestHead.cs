namespace Qdms.Tools.CpeSim;

/// <summary>The head of one HTTP/1.x request to a <see cref="ConnectionRequestListener"/>: request line and the headers it needs.</summary>
internal sealed record ConnectionRequestHead(string Method, string Target, string? Authorization, bool KeepAlive, bool HasBody)
{
    /// <summary>Reads <c>METHOD SP target SP HTTP/1.x</c> and the header lines (without the final blank line); null when malformed.</summary>
    public static ConnectionRequestHead? TryParse(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || parts[1].Length == 0 || parts[1][0] != '/' || parts[2] is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            return null;
        }

        string? authorization = null;
        var keepAlive = parts[2] == "HTTP/1.1";
        var hasBody = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = value;
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                keepAlive = value.Equals("keep-alive", StringComparison.OrdinalIgnoreCase) || (keepAlive && !value.Equals("close", StringComparison.OrdinalIgnoreCase));
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && value != "0"))
            {
                hasBody = true;
            }
        }

        return new ConnectionRequestHead(parts[0], parts[1], authorization, keepAlive, hasBody);
    }
}
