using Qdms.Bench.Scenarios;

return args.Length > 0 && args[0] == "timeouts"
    ? await TimeoutAccuracy.RunAsync(args[1..])
    : await Throughput.RunAsync(args.Length > 0 && args[0] == "throughput" ? args[1..] : args);
