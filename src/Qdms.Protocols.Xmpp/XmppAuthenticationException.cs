namespace Qdms.Protocols.Xmpp;

/// <summary>
/// SASL failed: the server's failure condition (RFC 6120 §6.5: <c>not-authorized</c> for a wrong password,
/// <c>account-disabled</c> …), no mechanism both sides allow, or a server that could not prove it knows the password.
/// </summary>
public sealed class XmppAuthenticationException(string condition, string message) : XmppException(message)
{
    /// <summary>The SASL failure condition, or a client-side reason such as <c>no-common-mechanism</c> or <c>server-signature-mismatch</c>.</summary>
    public string Condition { get; } = condition;
}
