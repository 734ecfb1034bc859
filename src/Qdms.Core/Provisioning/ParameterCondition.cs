namespace Qdms.Core.Provisioning;

/// <summary>A condition on one parameter value: <c>path op value</c> with <see cref="Op"/> one of <see cref="ParameterOps.All"/>.</summary>
public sealed record ParameterCondition(string Path, string Op, string Value);
