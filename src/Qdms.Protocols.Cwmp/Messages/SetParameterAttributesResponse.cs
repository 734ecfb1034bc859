namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>SetParameterAttributesResponse (TR-069 Annex A.3.2.4).</summary>
public sealed record SetParameterAttributesResponse : EmptyCwmpMessage
{
    /// <summary>The Body element name.</summary>
    public const string Name = "SetParameterAttributesResponse";

    /// <inheritdoc />
    public override string MethodName => Name;
}
