namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>RebootResponse (TR-069 Annex A.3.2.9).</summary>
public sealed record RebootResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "RebootResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
