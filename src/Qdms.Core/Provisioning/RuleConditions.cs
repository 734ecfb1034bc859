namespace Qdms.Core.Provisioning;

/// <summary>
/// A rule's preconditions; every one given must hold (null: not checked). Text conditions match exactly, or as a glob when
/// they hold <c>*</c> (any run of characters) or <c>?</c> (one character): <c>"3.2.*"</c> is a prefix. Case-sensitive.
/// </summary>
/// <param name="Oui">The CPE's OUI (TR-069 DeviceIdStruct).</param>
/// <param name="ProductClass">The CPE's ProductClass.</param>
/// <param name="Model">The inventory's model of the device.</param>
/// <param name="SoftwareVersion">The device's software (firmware) version.</param>
/// <param name="ProvisionGroup">The device's provision group.</param>
/// <param name="UpdateGroup">The device's update group.</param>
/// <param name="Tag">A tag the device must carry.</param>
/// <param name="Parameters">Conditions on the device's parameter values.</param>
public sealed record RuleConditions(
    string? Oui = null,
    string? ProductClass = null,
    string? Manufacturer = null,
    string? Model = null,
    string? SoftwareVersion = null,
    string? ProvisionGroup = null,
    string? UpdateGroup = null,
    string? Tag = null,
    IReadOnlyList<ParameterCondition>? Parameters = null)
{
    public static RuleConditions None { get; } = new();
}
