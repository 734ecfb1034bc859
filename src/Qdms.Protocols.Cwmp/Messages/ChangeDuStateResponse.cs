namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>ChangeDUStateResponse (TR-069 Annex A.4.1.10).</summary>
public sealed record ChangeDuStateResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "ChangeDUStateResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
