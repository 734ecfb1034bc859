namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>FactoryReset (TR-069 Annex A.4.1.6): restore factory defaults.</summary>
public sealed record FactoryResetRequest : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "FactoryReset";

    /// <inheritdoc />
    public override string MethodName => Name;
}
