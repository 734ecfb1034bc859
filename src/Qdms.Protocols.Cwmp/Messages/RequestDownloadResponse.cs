namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>RequestDownloadResponse (TR-069 Annex A.4.2.2).</summary>
public sealed record RequestDownloadResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "RequestDownloadResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
