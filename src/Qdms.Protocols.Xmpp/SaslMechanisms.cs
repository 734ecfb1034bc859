namespace Qdms.Protocols.Xmpp;

/// <summary>The SASL mechanisms the client implements.</summary>
public static class SaslMechanisms
{
    /// <summary>RFC 5802, without channel binding.</summary>
    public const string ScramSha1 = "SCRAM-SHA-1";

    /// <summary>RFC 4616: the password itself, so only over TLS unless allowed explicitly.</summary>
    public const string Plain = "PLAIN";
}
