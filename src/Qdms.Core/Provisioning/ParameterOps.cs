namespace Qdms.Core.Provisioning;

/// <summary>The operators of a <see cref="ParameterCondition"/>. A parameter the device has not reported is unequal to every value.</summary>
public static class ParameterOps
{
    public const string Equal = "=";
    public const string NotEqual = "!=";
    public const string Prefix = "prefix";

    public static IReadOnlyList<string> All { get; } = [Equal, NotEqual, Prefix];
}
