using System.Net;

namespace Qdms.Server.Tests.Portal;

/// <summary>The portal's Files page lives at <c>/files</c>, next to the devices' <c>/files/{id}/{name}</c> downloads.</summary>
public sealed class FilesPageServingTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("/files")]
    [InlineData("/files/")]
    [InlineData("/Files?type=fw")]
    public async Task The_files_page_is_a_client_route(string path)
    {
        using var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PortalApp.IndexHtml, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/files/1/x")]
    [InlineData("/files/1")]
    [InlineData("/files/anything/else")]
    public async Task A_path_under_files_stays_the_devices_and_never_gets_the_page(string path)
    {
        using var response = await app.CreateClient().GetAsync(path);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<div id=\"app\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
