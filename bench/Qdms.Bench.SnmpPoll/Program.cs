using Qdms.Bench.SnmpPoll;

// SNMP polling capacity of one QDMS node.
//   simulate --agents N --base-port P        N v2c agents on udp 127.0.0.1:P.. (prints READY, runs until killed)
//   drive --url URL --password PW --agents N --base-port P --server-pid PID [--sim-pid PID] [--oids 20] [--interval 60]
//         [--warmup 30] [--seconds 120] [--concurrency 500]
// bench/snmp-poll.sh runs both against a fresh server.
if (args.Length == 0 || args[0] is not ("simulate" or "drive"))
{
    Console.Error.WriteLine("usage: Qdms.Bench.SnmpPoll simulate|drive --option value …");
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

if (args[0] == "simulate")
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
    var simulator = new AgentSimulator(int.Parse(options.GetValueOrDefault("agents", "10000"), System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(options.GetValueOrDefault("base-port", "30000"), System.Globalization.CultureInfo.InvariantCulture));
    await simulator.RunAsync(stop.Token);
    Console.WriteLine($"answered {simulator.Answered} requests");
    return 0;
}

return await new PollDriver(options).RunAsync();
