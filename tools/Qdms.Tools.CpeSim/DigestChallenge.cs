using System.Text;

namespace Qdms.Tools.CpeSim;

/// <summary>One <c>WWW-Authenticate: Digest …</c> challenge (RFC 7616 §3.3) as the simulated CPE reads it.</summary>
internal sealed record DigestChallenge(string Realm, string Nonce, string Algorithm, string? Opaque, bool Stale, bool QopAuth)
{
    /// <summary>The challenge in <paramref name="parameters"/> (what follows <c>Digest </c>), or null when it has no realm or nonce.</summary>
    public static DigestChallenge? Parse(string parameters)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < parameters.Length)
        {
            while (i < parameters.Length && (parameters[i] == ',' || parameters[i] == ' '))
            {
                i++;
            }

            var eq = parameters.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            var name = parameters[i..eq].Trim();
            i = eq + 1;
            var value = new StringBuilder();
            if (i < parameters.Length && parameters[i] == '"')
            {
                for (i++; i < parameters.Length && parameters[i] != '"'; i++)
                {
                    if (parameters[i] == '\\' && i + 1 < parameters.Length)
                    {
                        i++;
                    }

                    value.Append(parameters[i]);
                }

                i++;
            }
            else
            {
                for (; i < parameters.Length && parameters[i] != ','; i++)
                {
                    value.Append(parameters[i]);
                }
            }

            values[name] = value.ToString().Trim();
        }

        return values.TryGetValue("realm", out var realm) && values.TryGetValue("nonce", out var nonce)
            ? new DigestChallenge(realm, nonce, values.GetValueOrDefault("algorithm") ?? "MD5", values.GetValueOrDefault("opaque"),
                string.Equals(values.GetValueOrDefault("stale"), "true", StringComparison.OrdinalIgnoreCase),
                (values.GetValueOrDefault("qop") ?? "").Split(',', StringSplitOptions.TrimEntries).Contains("auth"))
            : null;
    }
}
