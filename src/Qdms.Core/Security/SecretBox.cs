using System.Security.Cryptography;
using System.Text;

namespace Qdms.Core.Security;

/// <summary>
/// Encrypts small secrets for storage (SNMP communities and USM passwords, CPE passwords) with AES-256-GCM.
/// A sealed value is <c>v1:</c> + base64(nonce ‖ ciphertext ‖ tag); the <c>purpose</c> is bound as associated data, so a
/// value sealed for one field does not open as another. The key is 32 random bytes, kept in a file of mode 0600
/// (<see cref="LoadOrCreate"/>) or given in the configuration.
/// </summary>
public sealed class SecretBox
{
    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const string Prefix = "v1:";

    private readonly byte[] _key;

    public SecretBox(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException($"A secret key is {KeyBytes} bytes; got {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>
    /// The key in <paramref name="keyFile"/>: read when the file exists (base64 of 32 bytes), else made from random bytes and
    /// written (mode 0600, through a temporary file and a rename, so a crash leaves either no key or the whole key).
    /// </summary>
    public static SecretBox LoadOrCreate(string keyFile)
    {
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
            var temp = keyFile + ".tmp-" + Guid.NewGuid().ToString("N");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)) + "\n"));
                stream.Flush(flushToDisk: true);
            }

            try
            {
                // no overwrite: when another process made the key first, its key wins and ours is dropped
                File.Move(temp, keyFile, overwrite: false);
            }
            catch (IOException) when (File.Exists(keyFile))
            {
                File.Delete(temp);
            }
        }

        return FromBase64(File.ReadAllText(keyFile).Trim(), keyFile);
    }

    /// <summary>A box over a base64 key from the configuration; <paramref name="source"/> names it in errors.</summary>
    public static SecretBox FromBase64(string key, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(key);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The secret key in {source} is not base64.");
        }

        return bytes.Length == KeyBytes
            ? new SecretBox(bytes)
            : throw new InvalidOperationException($"The secret key in {source} is {bytes.Length} bytes; it must be {KeyBytes} (base64 of 32 random bytes).");
    }

    /// <summary>Encrypts <paramref name="plaintext"/> for the field named <paramref name="purpose"/>.</summary>
    public string Seal(string plaintext, string purpose)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(purpose));
        CryptographicOperations.ZeroMemory(plain);
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Decrypts a value <see cref="Seal"/> made for the same <paramref name="purpose"/>; throws when the key or purpose differ or the value was altered.</summary>
    public string Open(string sealedValue, string purpose)
    {
        byte[] bytes;
        try
        {
            bytes = sealedValue.StartsWith(Prefix, StringComparison.Ordinal) ? Convert.FromBase64String(sealedValue[Prefix.Length..]) : [];
        }
        catch (FormatException)
        {
            bytes = [];
        }

        if (bytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException($"The stored {purpose} is not a sealed value.");
        }

        var length = bytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes, length), bytes.AsSpan(NonceBytes + length), plain, Encoding.UTF8.GetBytes(purpose));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CryptographicException($"The stored {purpose} does not open with this secret key (another key, or altered).");
        }

        return Encoding.UTF8.GetString(plain);
    }
}
