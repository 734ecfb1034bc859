using BenchmarkDotNet.Running;
using Qdms.Bench.Snmp;

// dotnet run -c Release --project bench/Qdms.Bench.Snmp -- codec [BenchmarkDotNet args]
// dotnet run -c Release --project bench/Qdms.Bench.Snmp -- walk [--rounds N] [--max-repetitions R]
if (args.Length > 0 && args[0] == "walk")
    return await WalkComparison.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "codec")
{
    BenchmarkRunner.Run<CodecBenchmarks>(args: args[1..]);
    return 0;
}
Console.Error.WriteLine("usage: Qdms.Bench.Snmp codec [BenchmarkDotNet args] | walk [--rounds N] [--max-repetitions R]");
return 2;
