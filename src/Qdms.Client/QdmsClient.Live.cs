using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Qdms.Client;

public sealed partial class QdmsClient
{
    /// <summary>
    /// Reads the live stream until <paramref name="ct"/> is cancelled or the server ends it: first a <c>ready</c> message,
    /// then <c>device</c>, <c>task</c>, <c>event</c> and <c>engine</c> messages as they happen (a <c>dropped</c> message
    /// when the server cut this reader off for falling behind). <paramref name="topics"/> picks message types (null: all);
    /// <paramref name="deviceId"/> narrows device, task and event messages to one device.
    /// </summary>
    public async IAsyncEnumerable<LiveMessage> ReadLiveAsync(
        long? deviceId = null, IEnumerable<string>? topics = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var topicList = topics is null ? null : string.Join(",", topics);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/live" + Query(("topics", topicList), ("deviceId", deviceId)));
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Accept.ParseAdd("application/problem+json"); // how a refusal (400, 401, 404) is told
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(response, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(body, Encoding.UTF8);
        string? type = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                // WHATWG HTML §9.2.6: a blank line dispatches the event gathered so far
                if (data.Length > 0)
                {
                    using var document = JsonDocument.Parse(data.ToString());
                    yield return new LiveMessage(type ?? "message", document.RootElement.Clone());
                }

                type = null;
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                type = line[6..].TrimStart();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0)
                {
                    data.Append('\n');
                }

                data.Append(line.AsSpan(line.Length > 5 && line[5] == ' ' ? 6 : 5));
            }

            // comments (": heartbeat"), retry: and id: lines carry nothing a reader of this API needs
        }
    }
}
