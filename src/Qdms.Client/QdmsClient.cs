using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qdms.Client;

/// <summary>
/// A typed client for QDMS's REST API (<c>/api/v1</c>). The CLI, the tests and the load generators use it.
/// Each area lives in its own partial file (<c>QdmsClient.Users.cs</c> …). Errors arrive as <see cref="QdmsApiException"/>.
/// </summary>
public sealed partial class QdmsClient(HttpClient http)
{
    public static JsonSerializerOptions Json { get; } = CreateJson();

    public HttpClient Http => http;

    /// <summary>Sets the bearer token sent with every later request.</summary>
    public void UseToken(string? token) =>
        http.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

    internal async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return await ReadAsync<T>(response, ct);
    }

    internal async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    internal async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, ct);
    }

    internal static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        await EnsureSuccessAsync(response, ct);
        T? value;
        try
        {
            value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
        }
        catch (JsonException)
        {
            // a server that is not QDMS (a proxy's page, another service on the port): say so instead of failing deep in a parser
            var request = response.RequestMessage;
            throw new QdmsApiException((int)response.StatusCode, "Not a QDMS answer",
                $"The answer to {request?.Method} {request?.RequestUri} is not the JSON QDMS sends; is this a QDMS server?");
        }

        return value ?? throw new QdmsApiException((int)response.StatusCode, "Empty answer", "The server sent an empty body where data was expected.");
    }

    /// <summary>Turns an error answer (problem+json or not) into a <see cref="QdmsApiException"/>.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            var problem = JsonSerializer.Deserialize<Problem>(text, Json);
            if (problem?.Detail is not null || problem?.Title is not null)
            {
                throw new QdmsApiException(status, problem.Title ?? response.ReasonPhrase ?? "Error", problem.Detail ?? problem.Title ?? "", problem.Errors);
            }
        }
        catch (JsonException)
        {
            // not problem+json: fall through to the raw text
        }

        throw new QdmsApiException(status, response.ReasonPhrase ?? "Error", string.IsNullOrWhiteSpace(text) ? $"HTTP {status}" : text.Trim());
    }

    internal static string Query(params (string Name, object? Value)[] parts)
    {
        var present = parts.Where(p => p.Value is not null && !(p.Value is string s && s.Length == 0))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!)}")
            .ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return o;
    }

    private sealed record Problem(string? Title, string? Detail, int? Status, Dictionary<string, string[]>? Errors);
}
