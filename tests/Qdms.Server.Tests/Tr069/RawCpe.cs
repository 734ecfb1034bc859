using System.Net;
using System.Text;
using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Server.Tests.Tr069;

/// <summary>A hand-driven CPE for failure paths: raw bodies, its own cookie jar, sessions left hanging.</summary>
internal sealed class RawCpe(Uri acs) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer() });

    public static byte[] Inform(string serial, string id = "i-1") => CwmpWriter.ToArray(new CwmpEnvelope(
        CwmpVersion.Cwmp12, new CwmpHeader(id),
        new InformRequest(new DeviceId("Raw", "00AA11", "RawBox", serial), [new InformEvent("2 PERIODIC")], 1, DateTimeOffset.UtcNow, 0, [])));

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostAsync(byte[] body, bool chunked = false)
    {
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, acs) { Content = content };
        request.Headers.ExpectContinue = body.Length > 16 * 1024; // a large body waits for the ACS's go-ahead, so a 413 comes before it
        var response = await _http.SendAsync(request);
        return (response.StatusCode, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()), response);
    }

    public Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostAsync(string body) => PostAsync(Encoding.UTF8.GetBytes(body));

    public void Dispose() => _http.Dispose();
}
