using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// kestrel-ceiling [--port 18600]
// The physical limit the tr069 engine is measured against: a Kestrel server with the engine's settings (a slim
// WebApplication, one request delegate, no server header, the same body limit) that reads each POST's body the way the engine
// does and answers 204, nothing else. Runs until stopped (SIGTERM / Ctrl+C).
var port = args.Length == 2 && args[0] == "--port" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 18600;
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(options =>
{
    options.Listen(IPAddress.Loopback, port);
    options.AddServerHeader = false;
    options.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
});
var app = builder.Build();
app.Run(async http =>
{
    using var buffer = new MemoryStream(http.Request.ContentLength is { } length ? (int)length : 4096);
    var chunk = new byte[16 * 1024];
    int read;
    while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
    {
        buffer.Write(chunk, 0, read);
    }

    http.Response.StatusCode = StatusCodes.Status204NoContent;
});
await app.RunAsync();
