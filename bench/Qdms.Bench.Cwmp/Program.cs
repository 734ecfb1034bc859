using BenchmarkDotNet.Running;

namespace Qdms.Bench.Cwmp;

internal static class Program
{
    // dotnet run -c Release --project bench/Qdms.Bench.Cwmp -- --job short --filter '*'
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
