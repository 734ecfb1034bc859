using Qdms.Bench.Load;

return args.Length > 0 && args[0] == "seed"
    ? await SeedCommand.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "listbench" ? await ListBenchCommand.RunAsync(args[1..])
    : await LoadCommand.RunAsync(args);
