using System.ComponentModel.DataAnnotations;

namespace Qdms.Core.Auth;

/// <summary><c>Qdms:Auth</c>: sign-in and token settings.</summary>
public sealed class AuthOptions
{
    public const string Section = "Qdms:Auth";

    /// <summary>How long a token from <c>POST /api/v1/auth/login</c> lives.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Qdms:Auth:SessionLifetime must be between 1 minute and 30 days.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>PBKDF2 iterations for new password hashes.</summary>
    [Range(10_000, 10_000_000, ErrorMessage = "Qdms:Auth:PasswordIterations must be between 10000 and 10000000.")]
    public int PasswordIterations { get; set; } = Security.PasswordHasher.DefaultIterations;

    /// <summary>Shortest password accepted for a new user or a password change.</summary>
    [Range(8, 128, ErrorMessage = "Qdms:Auth:MinPasswordLength must be between 8 and 128.")]
    public int MinPasswordLength { get; set; } = 10;
}
