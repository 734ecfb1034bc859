using Qdms.Bench.Load;

return await LoadCommand.RunAsync(args);
