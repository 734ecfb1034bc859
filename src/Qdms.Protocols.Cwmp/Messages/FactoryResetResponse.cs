namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>FactoryResetResponse (TR-069 Annex A.4.1.6).</summary>
public sealed record FactoryResetResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "FactoryResetResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
