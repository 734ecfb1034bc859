using Qdms.Bench.Qos;

return args.Length > 0 && args[0] == "rtt" ? await RttBench.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "sort" ? SortBench.Run(args[1..])
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: Qdms.Bench.Qos sort [--providers 10000] [--window 3600] [--every 30] [--iterations 300]");
    Console.Error.WriteLine("       Qdms.Bench.Qos rtt [--targets 10000] [--rounds 3] [--inflight 1000] [--method icmp|tcp|arrowhead] [--timeout-ms 3000]");
    return 2;
}
