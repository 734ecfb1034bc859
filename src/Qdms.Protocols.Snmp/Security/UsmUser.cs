namespace Qdms.Protocols.Snmp.Security;

/// <summary>
/// An SNMPv3 user of the User-based Security Model (RFC 3414): a name and, for authNoPriv and authPriv, the passwords
/// from which the keys are derived and localised to each authoritative engine (RFC 3414 §2.6, A.2).
/// </summary>
/// <param name="Name">usmUserName (securityName).</param>
/// <param name="Auth">The authentication protocol; <see cref="SnmpAuthProtocol.None"/> for noAuthNoPriv.</param>
/// <param name="AuthPassword">The authentication passphrase (at least 8 characters, RFC 3414 §11.2).</param>
/// <param name="Priv">The privacy protocol; requires authentication.</param>
/// <param name="PrivPassword">The privacy passphrase (at least 8 characters).</param>
public sealed record UsmUser(string Name, SnmpAuthProtocol Auth = SnmpAuthProtocol.None, string? AuthPassword = null,
    SnmpPrivProtocol Priv = SnmpPrivProtocol.None, string? PrivPassword = null)
{
    /// <summary>The minimum passphrase length net-snmp and RFC 3414 §11.2 require.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>The security level this user implies.</summary>
    public SnmpSecurityLevel Level => Auth == SnmpAuthProtocol.None ? SnmpSecurityLevel.NoAuthNoPriv
        : Priv == SnmpPrivProtocol.None ? SnmpSecurityLevel.AuthNoPriv : SnmpSecurityLevel.AuthPriv;

    /// <summary>Throws <see cref="ArgumentException"/> naming the field when the user cannot be used.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Name) || System.Text.Encoding.UTF8.GetByteCount(Name) > 32)
            throw new ArgumentException("a USM user name is 1 to 32 octets (RFC 3414 §5 SnmpAdminString)", nameof(Name));
        if (!Enum.IsDefined(Auth))
            throw new ArgumentException($"unknown authentication protocol {Auth}", nameof(Auth));
        if (!Enum.IsDefined(Priv))
            throw new ArgumentException($"unknown privacy protocol {Priv}", nameof(Priv));
        if (Auth != SnmpAuthProtocol.None && (AuthPassword is null || AuthPassword.Length < MinPasswordLength))
            throw new ArgumentException($"the authentication password must have at least {MinPasswordLength} characters", nameof(AuthPassword));
        if (Priv != SnmpPrivProtocol.None && Auth == SnmpAuthProtocol.None)
            throw new ArgumentException("privacy needs authentication (RFC 3414 §3.1.1: there is no noAuthPriv)", nameof(Priv));
        if (Priv != SnmpPrivProtocol.None && (PrivPassword is null || PrivPassword.Length < MinPasswordLength))
            throw new ArgumentException($"the privacy password must have at least {MinPasswordLength} characters", nameof(PrivPassword));
    }

    /// <summary>The name and protocols only: passwords never reach logs.</summary>
    public override string ToString() => $"UsmUser {{ Name = {Name}, Auth = {Auth}, Priv = {Priv} }}";
}
