using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Scenarios.Hosting;

namespace Qdms.Server.Endpoints;

/// <summary>
/// <c>GET /api/v1/scenarios/runs/{runId}/log/stream</c>: a run's log as server-sent events, for browsers (read with fetch, since
/// EventSource cannot send a bearer token) and scripts. Each <c>log</c> event carries one NDJSON event line as data and its
/// sequence number as <c>id</c>; <c>?after=N</c> (or a <c>Last-Event-ID</c> header) resumes after sequence N. When the run
/// ends, one <c>end</c> event carries the stored run (state, verdict, message) and the stream closes.
/// </summary>
internal static class ScenarioLogStreamEndpoints
{
    public static RouteGroupBuilder MapScenarioLogStream(this RouteGroupBuilder scenarios)
    {
        scenarios.MapGet("/runs/{runId:long}/log/stream", async (long runId, long? after, HttpRequest request, Caller caller, ScenarioRunService runs, CancellationToken ct) =>
        {
            var from = after ?? LastEventId(request);
            if (from < 0)
            {
                throw new ValidationException("after", $"after is a sequence number (0 or more); got {from}.");
            }

            _ = await runs.GetAsync(caller, runId, ct);
            return TypedResults.ServerSentEvents(ItemsAsync(runId, from, caller, runs, ct));
        });
        return scenarios;
    }

    private static long LastEventId(HttpRequest request)
    {
        var header = request.Headers["Last-Event-ID"].ToString();
        if (header.Length == 0)
        {
            return 0;
        }

        return long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ValidationException("Last-Event-ID", $"Last-Event-ID is a sequence number; got '{header}'.");
    }

    private static async IAsyncEnumerable<SseItem<string>> ItemsAsync(long runId, long after, Caller caller, ScenarioRunService runs,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var line in runs.EventsAsync(caller, runId, ct))
        {
            var seq = Sequence(line);
            if (seq is { } s && s <= after)
            {
                continue;
            }

            yield return new SseItem<string>(line, "log") { EventId = seq?.ToString(CultureInfo.InvariantCulture) };
        }

        // The live feed completes only after the result is stored, so this read sees the run's final state.
        var run = await runs.GetAsync(caller, runId, ct);
        yield return new SseItem<string>(JsonSerializer.Serialize(run.ToDto(withResult: false), ScenarioRunService.Json), "end");
    }

    /// <summary>The <c>seq</c> of an NDJSON event line, or null for a line without one (a note about dropped lines).</summary>
    internal static long? Sequence(string line)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(line));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSeq = reader.ValueTextEquals("seq"u8);
            if (!reader.Read())
            {
                return null;
            }

            if (isSeq)
            {
                return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n) ? n : null;
            }

            reader.Skip();
        }

        return null;
    }
}
