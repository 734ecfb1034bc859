using Microsoft.Extensions.Options;
using Qdms.Core.Auth;

namespace Qdms.Core.Security;

/// <summary>
/// Checks passwords (users' and devices') against stored PBKDF2 hashes, with two protections:
/// an unknown account is checked against a decoy hash of the same cost, so the time taken does not tell which names exist;
/// and at most <see cref="MaxConcurrent"/> checks run at once (half the cores), so a flood of sign-in attempts — each costs
/// about 0.1 s of CPU — queues instead of starving every other request.
/// </summary>
public sealed class PasswordVerifier
{
    private readonly SemaphoreSlim _gate;
    private readonly Lazy<string> _decoy;
    private int _running;
    private int _peak;

    public PasswordVerifier(IOptions<AuthOptions> options)
    {
        MaxConcurrent = Math.Max(1, Environment.ProcessorCount / 2);
        _gate = new SemaphoreSlim(MaxConcurrent, MaxConcurrent);
        _decoy = new Lazy<string>(() => PasswordHasher.Hash("qdms-decoy-" + Guid.NewGuid(), options.Value.PasswordIterations));
    }

    public int MaxConcurrent { get; }

    /// <summary>The most checks that have run at once so far (for tests and diagnostics).</summary>
    public int PeakConcurrent => Volatile.Read(ref _peak);

    /// <summary>True when <paramref name="password"/> matches <paramref name="storedHash"/>; a null hash (no such account) is always false, after the same work.</summary>
    public async Task<bool> VerifyAsync(string password, string? storedHash, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var running = Interlocked.Increment(ref _running);
            int peak;
            while (running > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, running, peak) != peak)
            {
            }

            var matches = PasswordHasher.Verify(password, storedHash ?? _decoy.Value);
            return storedHash is not null && matches;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _gate.Release();
        }
    }
}
