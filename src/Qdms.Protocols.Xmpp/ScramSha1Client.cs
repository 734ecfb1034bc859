using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qdms.Protocols.Xmpp;

/// <summary>
/// The client side of SCRAM-SHA-1 (RFC 5802) without channel binding (gs2 header <c>n,,</c>):
/// client-first → server-first (nonce, salt, iterations) → client-final with the proof → server-final whose signature
/// proves the server knows the salted password. Usernames are escaped (<c>=</c> → <c>=3D</c>, <c>,</c> → <c>=2C</c>);
/// SASLprep is not applied, so non-ASCII passwords must already be in the server's normal form.
/// </summary>
internal sealed class ScramSha1Client
{
    /// <summary>The most PBKDF2 iterations accepted from a server (a hostile one could otherwise ask for billions).</summary>
    public const int MaxIterations = 1_000_000;

    private const string Gs2Header = "n,,";

    private readonly string _password;
    private readonly string _clientNonce;
    private readonly string _clientFirstBare;
    private byte[]? _expectedServerSignature;

    public ScramSha1Client(string username, string password, string? clientNonce = null)
    {
        _password = password;
        _clientNonce = clientNonce ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        _clientFirstBare = $"n={username.Replace("=", "=3D", StringComparison.Ordinal).Replace(",", "=2C", StringComparison.Ordinal)},r={_clientNonce}";
    }

    /// <summary>The client-first message.</summary>
    public string ClientFirst => Gs2Header + _clientFirstBare;

    /// <summary>Answers the server-first message with the client-final message (RFC 5802 §3).</summary>
    public string ClientFinal(string serverFirst)
    {
        var fields = Fields(serverFirst);
        if (fields.ContainsKey('m'))
        {
            throw Fail("unsupported-extension", "the server asked for a SCRAM extension the client does not know");
        }

        if (!fields.TryGetValue('r', out var nonce) || !nonce.StartsWith(_clientNonce, StringComparison.Ordinal) || nonce.Length == _clientNonce.Length)
        {
            throw Fail("nonce-mismatch", "the server's SCRAM nonce does not extend the client's");
        }

        byte[] salt;
        try
        {
            salt = Convert.FromBase64String(fields.GetValueOrDefault('s') ?? "");
        }
        catch (FormatException)
        {
            throw Fail("malformed-request", "the server's SCRAM salt is not base64");
        }

        if (salt.Length == 0
            || !int.TryParse(fields.GetValueOrDefault('i'), NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations < 1 || iterations > MaxIterations)
        {
            throw Fail("malformed-request", $"the server's SCRAM salt or iteration count (1 to {MaxIterations}) is missing or out of range");
        }

        var withoutProof = $"c={Convert.ToBase64String(Encoding.ASCII.GetBytes(Gs2Header))},r={nonce}";
        var authMessage = Encoding.UTF8.GetBytes($"{_clientFirstBare},{serverFirst},{withoutProof}");
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(_password), salt, iterations, HashAlgorithmName.SHA1, 20);
        var clientKey = HMACSHA1.HashData(salted, "Client Key"u8);
        var clientSignature = HMACSHA1.HashData(SHA1.HashData(clientKey), authMessage);
        var proof = new byte[clientKey.Length];
        for (var i = 0; i < proof.Length; i++)
        {
            proof[i] = (byte)(clientKey[i] ^ clientSignature[i]);
        }

        _expectedServerSignature = HMACSHA1.HashData(HMACSHA1.HashData(salted, "Server Key"u8), authMessage);
        return $"{withoutProof},p={Convert.ToBase64String(proof)}";
    }

    /// <summary>Checks the server-final message; throws unless its signature is the one only the password's owner can compute.</summary>
    public void VerifyServerFinal(string serverFinal)
    {
        var fields = Fields(serverFinal);
        if (fields.TryGetValue('e', out var error))
        {
            throw Fail(error, $"the server ended SCRAM with error {error}");
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(fields.GetValueOrDefault('v') ?? "");
        }
        catch (FormatException)
        {
            signature = [];
        }

        if (_expectedServerSignature is null || !CryptographicOperations.FixedTimeEquals(signature, _expectedServerSignature))
        {
            throw Fail("server-signature-mismatch", "the server's SCRAM signature is wrong: it does not know the password (or is not the server)");
        }
    }

    private static Dictionary<char, string> Fields(string message)
    {
        var fields = new Dictionary<char, string>();
        foreach (var part in message.Split(','))
        {
            if (part.Length >= 2 && part[1] == '=')
            {
                fields.TryAdd(part[0], part[2..]);
            }
        }

        return fields;
    }

    private static XmppAuthenticationException Fail(string condition, string message) => new(condition, message);
}
