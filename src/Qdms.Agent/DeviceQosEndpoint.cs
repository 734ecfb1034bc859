using System.Security.Cryptography;
using System.Text;

namespace Qdms.Agent;

/// <summary>
/// <c>GET /device-qos?batch=N&amp;oids=1.4&amp;oids=2.1</c>: for each requested OID the newest N samples, oldest
/// first, as <c>{"1.4":[…],"2.1":[…]}</c> — the device agent protocol of the Arrowhead DeviceQoSEvaluator.
/// </summary>
internal static class DeviceQosEndpoint
{
    /// <summary>The route.</summary>
    public const string Path = "/device-qos";

    /// <summary>Maps the route, behind the bearer token when one is configured.</summary>
    public static void MapDeviceQos(this WebApplication app, AgentOptions options)
    {
        var route = app.MapGet(Path, Handle);
        if (options.Token is { } token)
        {
            var expected = Encoding.UTF8.GetBytes(token);
            route.AddEndpointFilter(async (context, next) =>
                HasToken(context.HttpContext.Request, expected)
                    ? await next(context).ConfigureAwait(false)
                    : Unauthorized(context.HttpContext));
        }
    }

    private static IResult Handle(HttpRequest request, SampleStore store)
    {
        var query = request.Query;
        var batchText = query["batch"];
        if (batchText.Count != 1 || !int.TryParse(batchText[0], out var batch) || batch is < 1 or > SampleRing.Capacity)
        {
            return BadRequest($"batch must be one whole number between 1 and {SampleRing.Capacity} (was '{batchText}').");
        }

        var oids = query["oids"]
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (oids.Count == 0)
        {
            return BadRequest("oids is required: one or more of " + string.Join(", ", store.Oids) + ".");
        }

        var unknown = oids.Where(o => !store.IsKnown(o)).ToList();
        if (unknown.Count > 0)
        {
            return BadRequest($"unknown oids: {string.Join(", ", unknown)}; known: {string.Join(", ", store.Oids)}.");
        }

        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var oid in oids)
        {
            result[oid] = store.Newest(oid, batch);
        }

        return Results.Json(result, AgentJson.Default.DictionaryStringDoubleArray);
    }

    private static bool HasToken(HttpRequest request, byte[] expected)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    private static IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "A valid 'Authorization: Bearer <token>' header is required.");
    }

    private static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);
}
