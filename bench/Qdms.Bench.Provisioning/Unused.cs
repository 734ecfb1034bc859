using System.Reflection;

namespace Qdms.Bench.Provisioning;

/// <summary>A store the benchmarked path must not touch: any call fails the run.</summary>
public class Unused : DispatchProxy
{
    public static T Of<T>() where T : class => Create<T, Unused>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException($"{targetMethod?.DeclaringType?.Name}.{targetMethod?.Name} was called on the measured path.");
}
