using Microsoft.Extensions.Options;
using Qdms.Core.Auth;
using Qdms.Core.Security;

namespace Qdms.Core.Tests;

public sealed class PasswordVerifierTests
{
    private readonly PasswordVerifier _verifier = new(Options.Create(new AuthOptions { PasswordIterations = 20_000 }));

    [Fact]
    public async Task A_matching_password_verifies_and_a_wrong_one_does_not()
    {
        var hash = PasswordHasher.Hash("right password", 20_000);
        Assert.True(await _verifier.VerifyAsync("right password", hash, CancellationToken.None));
        Assert.False(await _verifier.VerifyAsync("wrong password", hash, CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_account_never_verifies_even_with_the_decoys_own_password()
    {
        Assert.False(await _verifier.VerifyAsync("qdms-decoy-", null, CancellationToken.None));
        Assert.False(await _verifier.VerifyAsync("", null, CancellationToken.None));
    }

    [Fact]
    public async Task No_more_checks_run_at_once_than_the_gate_allows()
    {
        var hash = PasswordHasher.Hash("p", 20_000);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => _verifier.VerifyAsync("p", hash, CancellationToken.None))));
        Assert.InRange(_verifier.PeakConcurrent, 1, _verifier.MaxConcurrent);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), _verifier.MaxConcurrent);
    }
}
