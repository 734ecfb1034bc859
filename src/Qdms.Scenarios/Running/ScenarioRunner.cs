using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Running;

/// <summary>Runs scenarios: opens the transport (an open that fails ends the run before anything is sent), then the steps.</summary>
public static class ScenarioRunner
{
    /// <summary>Runs <paramref name="scenario"/> to its end, a stop, an abort or a limit; never throws for line or terminal failures.</summary>
    public static async Task<RunResult> RunAsync(ScenarioDocument scenario, RunOptions options, CancellationToken ct)
    {
        var startIndex = 0;
        if (options.StartAt is { } start)
        {
            startIndex = scenario.IndexOf(start);
            if (startIndex < 0 && int.TryParse(start, out var n) && n >= 1 && n <= scenario.Steps.Count)
            {
                startIndex = n - 1;
            }

            if (startIndex < 0)
            {
                throw new ArgumentException($"there is no step '{start}' to start at (the ids are {string.Join(", ", scenario.Steps.Select(s => s.Id))})", nameof(options));
            }
        }

        await using var run = new ScenarioRun(scenario, options);
        return await run.ExecuteAsync(startIndex, ct);
    }
}
