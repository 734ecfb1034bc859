using BenchmarkDotNet.Running;

namespace Qdms.Bench.Provisioning;

internal static class Program
{
    // dotnet run -c Release --project bench/Qdms.Bench.Provisioning -- --job short --filter '*'
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
