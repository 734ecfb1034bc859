using System.Text;

namespace Qdms.Engines.Tr069.Auth;

/// <summary>
/// A request's <c>Authorization</c> header as the ACS reads it: Basic (RFC 7617) with user name and password, or Digest
/// (RFC 7616 §3.4) with its parameters. Anything else, or a header that does not parse, is <see cref="Malformed"/>.
/// </summary>
internal sealed class CpeAuthorization
{
    /// <summary>Longer headers are not parsed (Kestrel bounds them too; this keeps the parser's work small).</summary>
    public const int MaxHeaderLength = 4096;

    private CpeAuthorization(string scheme, string username, string? password, IReadOnlyDictionary<string, string> parameters)
    {
        Scheme = scheme;
        Username = username;
        Password = password;
        Parameters = parameters;
    }

    public static CpeAuthorization Malformed { get; } = new("", "", null, new Dictionary<string, string>());

    /// <summary><c>Basic</c>, <c>Digest</c>, or empty for <see cref="Malformed"/>.</summary>
    public string Scheme { get; }

    public string Username { get; }

    /// <summary>The Basic password; null for Digest.</summary>
    public string? Password { get; }

    /// <summary>The Digest parameters by lower-case name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public bool IsBasic => Scheme == "Basic";

    public bool IsDigest => Scheme == "Digest";

    public string? this[string name] => Parameters.TryGetValue(name, out var v) ? v : null;

    /// <summary>The parsed header, null when there is none, <see cref="Malformed"/> when it cannot be read.</summary>
    public static CpeAuthorization? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (header.Length > MaxHeaderLength)
        {
            return Malformed;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return Malformed;
        }

        var scheme = header[..space];
        var rest = header[(space + 1)..].Trim();
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return ParseBasic(rest);
        }

        if (scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
        {
            var parameters = ParseParameters(rest);
            return parameters is not null && parameters.TryGetValue("username", out var user) && user.Length > 0
                ? new CpeAuthorization("Digest", user, null, parameters)
                : Malformed;
        }

        return Malformed;
    }

    private static CpeAuthorization ParseBasic(string token)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            return Malformed;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? Malformed : new CpeAuthorization("Basic", decoded[..colon], decoded[(colon + 1)..], new Dictionary<string, string>());
    }

    /// <summary><c>name=token</c> or <c>name="quoted \" string"</c>, separated by commas (RFC 7235 §2.1 auth-param); null when malformed.</summary>
    private static Dictionary<string, string>? ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var eq = text.IndexOf('=', i);
            if (eq <= i)
            {
                return null;
            }

            var name = text[i..eq].Trim().ToLowerInvariant();
            i = eq + 1;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        return null; // an unterminated quoted string
                    }

                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        value.Append(text[i + 1]);
                        i += 2;
                        continue;
                    }

                    if (text[i] == '"')
                    {
                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] != ',')
                {
                    value.Append(text[i++]);
                }
            }

            if (name.Length == 0 || !result.TryAdd(name, value.ToString().Trim()))
            {
                return null; // a parameter twice is ambiguous (RFC 7616 §3.4: each at most once)
            }
        }

        return result;
    }
}
