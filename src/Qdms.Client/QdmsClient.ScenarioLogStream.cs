using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    /// <summary>
    /// A run's log as server-sent events (<c>GET /api/v1/scenarios/runs/{runId}/log/stream</c>): each event line as it happens,
    /// after sequence <paramref name="after"/> (0: from the first), then one <c>end</c> item with the stored run.
    /// </summary>
    public async IAsyncEnumerable<ScenarioLogStreamItem> StreamScenarioRunLogAsync(long runId, long after = 0, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"api/v1/scenarios/runs/{runId}/log/stream" + (after > 0 ? "?after=" + after.ToString(CultureInfo.InvariantCulture) : ""));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(ct))
        {
            yield return new ScenarioLogStreamItem(item.EventType, item.EventId, item.Data);
        }
    }
}
