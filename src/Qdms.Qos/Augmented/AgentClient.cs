using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Qdms.Qos.Augmented;

/// <summary>
/// Reads a device agent over Arrowhead's protocol: <c>GET http://&lt;device&gt;:59473/device-qos?batch=N&amp;oids=1.4&amp;oids=2.1</c>
/// answered by <c>{"1.4":[…],"2.1":[…]}</c> (percent floats, oldest first; an empty list for a disabled group).
/// One pooled <see cref="HttpClient"/> serves every device.
/// </summary>
public sealed class AgentClient(HttpClient http, string scheme, int port, string? token)
{
    /// <summary>The largest answer read (30 samples of a few dozen groups is a few KB).</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>The request URI for a host (an IPv6 literal gets its brackets).</summary>
    public Uri UriFor(string host, int batch, IEnumerable<string> oids)
    {
        var authority = IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
        var query = string.Join('&', oids.Select(o => "oids=" + Uri.EscapeDataString(o)));
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{scheme}://{authority}:{port}/device-qos?batch={batch}&{query}"));
    }

    /// <summary>The agent's samples per OID; throws <see cref="AgentFetchException"/> with the reason when it cannot be read.</summary>
    public async Task<IReadOnlyDictionary<string, double[]>> FetchAsync(string host, int batch, IReadOnlyList<string> oids, TimeSpan timeout, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, UriFor(host, batch, oids));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new AgentFetchException($"the agent answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                throw new AgentFetchException($"the agent's answer is {response.Content.Headers.ContentLength} bytes, more than {MaxResponseBytes}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(limit.Token);
            var samples = await JsonSerializer.DeserializeAsync(new LimitedStream(body, MaxResponseBytes), AgentJson.Default.DictionaryStringDoubleArray, limit.Token);
            return samples ?? throw new AgentFetchException("the agent answered null");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AgentFetchException($"no answer within {timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException e)
        {
            throw new AgentFetchException(e.Message, e);
        }
        catch (JsonException e)
        {
            throw new AgentFetchException($"the agent's answer is not the device-qos JSON: {e.Message}", e);
        }
    }
}
