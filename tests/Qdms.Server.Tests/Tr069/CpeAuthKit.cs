using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Tools.CpeSim;

namespace Qdms.Server.Tests.Tr069;

/// <summary>Helpers of the CPE authentication tests: pre-registering CPEs, simulator options, and a hand-made Digest answer.</summary>
internal static class CpeAuthKit
{
    public static string NewUser() => "cpe-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A device with the CPE's tr069 identity, credentials set through the CPE authentication route.</summary>
    public static async Task<DeviceDto> RegisterAsync(QdmsClient client, SimulatedCpe cpe, string user, string password, long? tenantId = null, string? mode = null)
    {
        var device = await client.CreateDeviceAsync(new CreateDeviceRequest([new DeviceIdentityDto("tr069", cpe.Identity)], TenantId: tenantId));
        await client.PutCpeAuthAsync(device.Id, new CpeAuthRequest(mode, new DeviceCredentialsDto(user, password)));
        return device;
    }

    /// <summary>Simulator options: answer challenges (no credentials up front), pick <paramref name="algorithm"/> among Digest challenges.</summary>
    public static CpeOptions Challenged(Uri acs, string? user, string? password, string? algorithm = null) =>
        new(acs, user, password, AuthStyle: CpeAuthStyle.Challenged, DigestAlgorithm: algorithm);

    public static async Task<long> AuthFailuresAsync(AcsUnderTest acs) =>
        long.Parse((await acs.Admin.GetEngineAsync("tr069", acs.Index)).Details["authFailures"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Digest challenges of a 401 by algorithm.</summary>
    public static Dictionary<string, Dictionary<string, string>> Challenges(HttpResponseMessage response) =>
        response.Headers.WwwAuthenticate.Where(h => h.Scheme == "Digest").Select(h => Parameters(h.Parameter!))
            .ToDictionary(p => p["algorithm"], p => p);

    /// <summary>An RFC 7616 answer (qop=auth) computed here, independently of the engine and the simulator.</summary>
    public static AuthenticationHeaderValue DigestAnswer(Dictionary<string, string> challenge, string user, string password, string uri, string nc = "00000001", string cnonce = "0a4f113b")
    {
        var algorithm = challenge["algorithm"];
        string H(string s) => Convert.ToHexStringLower(algorithm == "SHA-256" ? SHA256.HashData(Encoding.UTF8.GetBytes(s)) : MD5.HashData(Encoding.UTF8.GetBytes(s)));
        var response = H($"{H($"{user}:{challenge["realm"]}:{password}")}:{challenge["nonce"]}:{nc}:{cnonce}:auth:{H($"POST:{uri}")}");
        return new AuthenticationHeaderValue("Digest",
            $"username=\"{user}\", realm=\"{challenge["realm"]}\", nonce=\"{challenge["nonce"]}\", uri=\"{uri}\", algorithm={algorithm}, qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\"");
    }

    /// <summary>POSTs an Inform with an optional Authorization header on a fresh connection without cookies.</summary>
    public static async Task<HttpResponseMessage> InformAsync(Uri acs, string serial, AuthenticationHeaderValue? authorization = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        var content = new ByteArrayContent(RawCpe.Inform(serial));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, acs) { Content = content };
        request.Headers.Authorization = authorization;
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public static HttpStatusCode Status(IReadOnlyList<SessionOutcome> outcomes) => (HttpStatusCode)outcomes[^1].HttpStatus;

    private static Dictionary<string, string> Parameters(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1].Trim('"') : "", StringComparer.Ordinal);
}
