using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests.Portal;

/// <summary>The server with a small stand-in portal build (index.html and one hashed asset) in a temp directory.</summary>
public sealed class PortalApp : QdmsAppFactory
{
    public const string IndexHtml = "<!doctype html><title>QDMS</title><div id=\"app\"></div><script type=\"module\" src=\"/assets/index-AbC123.js\"></script>";
    public const string AssetJs = "console.log('portal');";

    private readonly TempDirectory _dist = new("qdms-portal");

    public PortalApp()
        : base(DbKind.Sqlite)
    {
        Directory.CreateDirectory(Path.Combine(_dist.Path, "assets"));
        File.WriteAllText(Path.Combine(_dist.Path, "index.html"), IndexHtml);
        File.WriteAllText(Path.Combine(_dist.Path, "assets", "index-AbC123.js"), AssetJs);
        File.WriteAllText(Path.Combine(_dist.Path, "secret.txt"), "outside assets");
        Settings["Qdms:Portal:Root"] = _dist.Path;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dist.Dispose();
    }
}
