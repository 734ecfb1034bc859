using System.CommandLine;
using System.Globalization;
using Qdms.Contracts;
using Qdms.Scenarios.Capture;
using Qdms.Scenarios.Format;
using Qdms.Scenarios.Running;

namespace Qdms.Cli.Commands;

/// <summary>
/// <c>scenario run|runs|result|log|pause|resume|stop|replay</c>. <c>run</c> follows the live log in the terminal and exits
/// with the verdict: 0 pass, 1 fail, 2 the run could not run (the transport did not open, the line failed).
/// </summary>
internal static class ScenarioRunCommands
{
    public const int ExitPass = 0;
    public const int ExitFail = 1;
    public const int ExitError = 2;

    public static void AddTo(Command scenario, CliContext context)
    {
        var what = new Argument<string>("scenario") { Description = "Scenario id, or with --local a scenario file" };
        var local = new Option<bool>("--local") { Description = "Run the file here, without a server" };
        var device = new Option<long?>("--device") { Description = "Run against a device (its address, or its serial identity for serial scenarios)" };
        var group = new Option<string?>("--group") { Description = "Run against every device of a group (one run each; not followed)" };
        var target = new Option<string?>("--target") { Description = "Run against this address (host:port) or serial device instead of the scenario's" };
        var startAt = new Option<string?>("--start-at") { Description = "Start at this step id" };
        var vars = new Option<string[]>("--var") { Description = "name=value, replacing a scenario variable (repeatable)" };
        var view = new Option<string>("--view") { Description = "hex, ascii or both", DefaultValueFactory = _ => "both" };
        var log = new Option<FileInfo?>("--log") { Description = "With --local: also write the log to this file (.ndjson: events as JSON lines, a capture for replay)" };
        var direct = new Option<string[]>("--direct") { Description = "With --local: a direct command (ASCII, CR LF appended) written at the first step boundary (repeatable)" };
        var quiet = new Option<bool>("--no-follow") { Description = "Start the run and return without following its log" };
        var run = new Command("run", "Run a scenario and show its log live; the exit code follows the verdict (0 pass, 1 fail, 2 error)")
        {
            what, local, device, group, target, startAt, vars, view, log, direct, quiet,
        };
        run.SetHandler(context, async (r, ct) =>
        {
            var v = ParseView(r.GetValue(view));
            var variables = ParseVars(r.GetValue(vars) ?? []);
            if (r.GetValue(local))
            {
                return await RunLocalAsync(context, r, r.GetValue(what)!, r.GetValue(target), r.GetValue(startAt), variables, v, r.GetValue(log), r.GetValue(direct) ?? [], ct);
            }

            if (!long.TryParse(r.GetValue(what), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new CliException($"'{r.GetValue(what)}' is not a scenario id; to run a file, add --local.");
            }

            var client = context.ClientFor(r);
            var started = await client.StartScenarioRunAsync(id, new StartScenarioRunRequest(r.GetValue(device), r.GetValue(group), r.GetValue(target), r.GetValue(startAt),
                variables.Count == 0 ? null : variables), ct);
            if (started.Count != 1 || r.GetValue(quiet) || context.Json(r))
            {
                PrintRuns(context, r, started);
                return ExitPass;
            }

            await foreach (var line in client.FollowScenarioRunAsync(started[0].Id, ct))
            {
                context.Console.Profile.Out.Writer.WriteLine(RunEventText.Format(RunEventJson.Read(line), v));
            }

            var done = await client.GetScenarioRunAsync(started[0].Id, ct);
            if (done.Result is { } result)
            {
                ScenarioSummary.Write(context, result);
            }

            return ExitFor(done.Verdict);
        });

        var id = new Argument<long>("id") { Description = "Scenario id" };
        var runs = new Command("runs", "List a scenario's runs, newest first") { id };
        runs.SetHandler(context, async (r, ct) => PrintRuns(context, r, (await context.ClientFor(r).ListScenarioRunsAsync(r.GetValue(id), size: 100, ct: ct)).Items));

        var runId = new Argument<long>("run") { Description = "Run id" };
        var result = new Command("result", "Show a run with its KPIs, thresholds and verdict (exit code as for run)") { runId };
        result.SetHandler(context, async (r, ct) =>
        {
            var dto = await context.ClientFor(r).GetScenarioRunAsync(r.GetValue(runId), ct);
            if (context.Json(r))
            {
                context.WriteJson(dto);
            }
            else
            {
                PrintRuns(context, r, [dto]);
                if (dto.Result is { } res)
                {
                    ScenarioSummary.Write(context, res);
                }
            }

            return ExitFor(dto.Verdict);
        });

        var follow = new Option<bool>("--follow", "-f") { Description = "Follow the log live (server-sent events) until the run ends; exit code as for run" };
        var after = new Option<long>("--after") { Description = "With --follow: start after this event sequence number (resume)" };
        var logCommand = new Command("log", "Print a finished run's log, or follow a run's log live") { runId, view, follow, after };
        logCommand.SetHandler(context, async (r, ct) =>
        {
            if (r.GetValue(follow))
            {
                return await ScenarioLogFollow.RunAsync(context, r, r.GetValue(runId), r.GetValue(after), ParseView(r.GetValue(view)), ct);
            }

            context.Console.Profile.Out.Writer.Write(await context.ClientFor(r).GetScenarioRunLogAsync(r.GetValue(runId), r.GetValue(view), ct));
            return ExitPass;
        });

        scenario.Subcommands.Add(run);
        scenario.Subcommands.Add(runs);
        scenario.Subcommands.Add(result);
        scenario.Subcommands.Add(logCommand);
        AddControl(scenario, context, runId, "pause", "Pause a run at its next step boundary", (c, n, ct) => c.PauseScenarioRunAsync(n, ct));
        AddControl(scenario, context, runId, "resume", "Resume a paused run", (c, n, ct) => c.ResumeScenarioRunAsync(n, ct));
        AddControl(scenario, context, runId, "stop", "Stop a run at its next step boundary", (c, n, ct) => c.StopScenarioRunAsync(n, ct));

        var capture = new Argument<FileInfo>("capture") { Description = "A run's NDJSON log (--log run.ndjson, or the server's /events)" };
        var original = new Option<FileInfo>("--scenario") { Description = "The scenario that was captured (for its transport and framing)", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the replay scenario (default: standard output)" };
        var replay = new Command("replay", "Turn a captured run into a scenario that replays it and expects the same answers") { capture, original, output };
        replay.SetHandler(context, async (r, ct) =>
        {
            var doc = ParseFile(r.GetValue(original)!);
            var events = (await File.ReadAllLinesAsync(r.GetValue(capture)!.FullName, ct)).Where(l => l.Length > 0).Select(RunEventJson.Read);
            string yaml;
            try
            {
                yaml = ScenarioCapture.ToReplayYaml(events, doc, doc.Name + "-replay");
            }
            catch (FormatException e)
            {
                throw new CliException($"{r.GetValue(capture)!.Name}: {e.Message}");
            }

            if (r.GetValue(output) is { } o)
            {
                await File.WriteAllTextAsync(o.FullName, yaml, ct);
            }
            else
            {
                context.Console.Profile.Out.Writer.Write(yaml);
            }
        });
        scenario.Subcommands.Add(replay);
    }

    private static void AddControl(Command scenario, CliContext context, Argument<long> runId, string name, string description, Func<Client.QdmsClient, long, CancellationToken, Task> act)
    {
        var command = new Command(name, description) { runId };
        command.SetHandler(context, async (r, ct) =>
        {
            await act(context.ClientFor(r), r.GetValue(runId), ct);
            context.Console.Profile.Out.Writer.WriteLine($"{name}: run {r.GetValue(runId)}");
        });
        scenario.Subcommands.Add(command);
    }

    private static async Task<int> RunLocalAsync(CliContext context, ParseResult r, string path, string? target, string? startAt,
        Dictionary<string, string> variables, LogView view, FileInfo? logFile, string[] direct, CancellationToken ct)
    {
        var doc = ParseFile(new FileInfo(path));
        if (startAt is not null && doc.IndexOf(startAt) < 0)
        {
            throw new CliException($"there is no step '{startAt}'; the steps are {string.Join(", ", doc.Steps.Select(s => s.Id))}.");
        }

        var control = new RunControl();
        foreach (var d in direct)
        {
            control.SendDirect(System.Text.Encoding.Latin1.GetBytes(d + "\r\n"));
        }

        var writer = context.Console.Profile.Out.Writer;
        var sinks = new List<IRunEventSink> { new DelegateSink(e => writer.WriteLine(RunEventText.Format(e, view))) };
        using var file = logFile is null ? null : new LogFileSink(logFile.FullName, logFile.Extension == ".ndjson" ? null : view);
        if (file is not null)
        {
            sinks.Add(file);
        }

        // Ctrl+C stops the run at the next step boundary, so the result and the log are complete.
        using var stop = ct.Register(control.Stop);
        var result = await ScenarioRunner.RunAsync(doc, new RunOptions { Target = target, StartAt = startAt, Variables = variables, Control = control, Sinks = sinks },
            CancellationToken.None);
        ScenarioSummary.Write(context, result);
        return ExitFor(result.Verdict.ToString().ToLowerInvariant());
    }

    private static ScenarioDocument ParseFile(FileInfo file)
    {
        try
        {
            return ScenarioParser.Parse(ScenarioCommands.ReadFile(file));
        }
        catch (ScenarioFormatException e)
        {
            throw new CliException($"{file.Name} is not a valid scenario:\n  " + string.Join("\n  ", e.Problems));
        }
    }

    internal static int ExitFor(string? verdict) => verdict switch
    {
        "pass" => ExitPass,
        "fail" => ExitFail,
        _ => ExitError,
    };

    private static LogView ParseView(string? view) => view switch
    {
        "hex" => LogView.Hex,
        "ascii" => LogView.Ascii,
        "both" or null => LogView.Both,
        _ => throw new CliException($"--view is hex, ascii or both; got '{view}'."),
    };

    private static Dictionary<string, string> ParseVars(string[] pairs)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliException($"--var takes name=value; got '{p}'.");
            }

            d[p[..eq]] = p[(eq + 1)..];
        }

        return d;
    }

    private static void PrintRuns(CliContext context, ParseResult r, IReadOnlyList<ScenarioRunDto> rows) =>
        Tables.Write(context, context.Json(r), rows, ("Run", x => x.Id), ("Scenario", x => x.ScenarioId), ("Revision", x => x.ScenarioRevision),
            ("Device", x => x.DeviceId), ("Target", x => x.Target), ("State", x => x.State), ("Verdict", x => x.Verdict), ("Started", x => x.StartedAt),
            ("Ended", x => x.EndedAt), ("By", x => x.RequestedBy));
}
