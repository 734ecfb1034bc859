using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Qdms.Engines.Tr069.Transfers;

/// <summary>
/// The engine's open upload tokens (<c>qup_…</c>, 128 random bits, kept only as their SHA-256) and the files that arrived
/// for upload tasks, until TransferComplete collects them. A token opens one PUT or POST: the first use takes it. It lives
/// in memory: after a restart the CPE's upload is refused and its task fails on the transfer timeout or its expiry.
/// </summary>
internal sealed class UploadSlots(TimeProvider time)
{
    public const string TokenPrefix = "qup_";

    private readonly ConcurrentDictionary<string, UploadSlot> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, long> _received = new();

    public int Count => _byHash.Count;

    /// <summary>Opens a slot and returns its secret token (shown once, in the Upload URL).</summary>
    public string Open(UploadSlot slot)
    {
        var secret = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _byHash[Hash(secret)] = slot;
        return secret;
    }

    /// <summary>Takes the slot of <paramref name="secret"/>: true once per token, and only before it expires.</summary>
    public bool TryTake(string secret, out UploadSlot slot)
    {
        slot = null!;
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || !_byHash.TryRemove(Hash(secret), out var found))
        {
            return false;
        }

        slot = found;
        return found.ExpiresAt > time.GetUtcNow();
    }

    /// <summary>Records the stored file that arrived for a task.</summary>
    public void Received(long taskId, long fileId) => _received[taskId] = fileId;

    /// <summary>The file that arrived for a task, forgetting it.</summary>
    public bool TryCollect(long taskId, out long fileId) => _received.TryRemove(taskId, out fileId);

    /// <summary>Closes every slot of a task that is settled (its token can no longer be used).</summary>
    public void Close(long taskId)
    {
        foreach (var (hash, slot) in _byHash)
        {
            if (slot.TaskId == taskId)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }

    /// <summary>Drops expired slots.</summary>
    public void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (hash, slot) in _byHash)
        {
            if (slot.ExpiresAt <= now)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
