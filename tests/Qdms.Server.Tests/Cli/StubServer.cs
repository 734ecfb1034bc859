using System.Net;
using System.Text;

namespace Qdms.Server.Tests.Cli;

/// <summary>A web server that is not QDMS: it answers every request 200 with the same HTML page.</summary>
internal sealed class StubServer : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("<html><body>It works!</body></html>", Encoding.UTF8, "text/html"),
            RequestMessage = request,
        });
}
