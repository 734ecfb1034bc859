using System.CommandLine;
using System.Text.Json;
using Qdms.Contracts;
using Qdms.Scenarios.Running;

namespace Qdms.Cli.Commands;

/// <summary>
/// <c>scenario log RUN --follow [--after N]</c>: prints a run's log from its server-sent-event stream as it happens, then how
/// the run ended; the exit code follows the verdict, as for <c>scenario run</c>. With <c>--json</c> the lines are the NDJSON events.
/// </summary>
internal static class ScenarioLogFollow
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(CliContext context, ParseResult r, long runId, long after, LogView view, CancellationToken ct)
    {
        var output = context.Console.Profile.Out.Writer;
        await foreach (var item in context.ClientFor(r).StreamScenarioRunLogAsync(runId, after, ct))
        {
            if (item.IsEnd)
            {
                var run = JsonSerializer.Deserialize<ScenarioRunDto>(item.Data, Web) ?? throw new CliException("the stream ended without the run.");
                if (!context.Json(r))
                {
                    output.WriteLine($"run {run.Id}: {run.State}, verdict {run.Verdict ?? "none"}{(run.Message is { } m ? " — " + m : "")}");
                }

                return ScenarioRunCommands.ExitFor(run.Verdict);
            }

            if (context.Json(r))
            {
                output.WriteLine(item.Data);
                continue;
            }

            try
            {
                output.WriteLine(RunEventText.Format(RunEventJson.Read(item.Data), view));
            }
            catch (FormatException)
            {
                output.WriteLine(item.Data);
            }
        }

        throw new CliException($"the log stream of run {runId} closed before the run ended; resume with --after.");
    }
}
