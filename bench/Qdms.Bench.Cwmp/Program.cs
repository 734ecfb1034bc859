using BenchmarkDotNet.Running;

namespace Qdms.Bench.Cwmp;

internal static class Program
{
    // dotnet run -c Release --project bench/Qdms.Bench.Cwmp -- --job short --filter '*'
    // dotnet run -c Release --project bench/Qdms.Bench.Cwmp -- --sizes     (bytes of each benchmarked envelope)
    private static void Main(string[] args)
    {
        if (args is ["--sizes"])
        {
            var benchmarks = new CodecBenchmarks();
            benchmarks.Setup();
            Console.WriteLine($"Inform {benchmarks.InformBytes} B, InformResponse {benchmarks.WriteInformResponse()} B, GetParameterValues {benchmarks.WriteGetParameterValues()} B");
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
