namespace Qdms.Agent.Tests;

/// <summary>A temporary /proc and /sys tree filled from TestData snapshots; deleted on dispose.</summary>
internal sealed class ProcFixture : IDisposable
{
    public ProcFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), $"qdms-agent-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(ProcRoot, "net"));
        Directory.CreateDirectory(Path.Combine(SysRoot, "class", "net"));
        Use("stat-a", "stat");
        Use("meminfo", "meminfo");
        Use("net-dev-a", Path.Combine("net", "dev"));
    }

    public string Root { get; }

    public string ProcRoot => Path.Combine(Root, "proc");

    public string SysRoot => Path.Combine(Root, "sys");

    public static string Read(string testData) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", testData));

    /// <summary>Copies a snapshot to a path under the fake /proc (via temp file + rename, as the sampler may be reading).</summary>
    public void Use(string testData, string procPath)
    {
        var target = Path.Combine(ProcRoot, procPath);
        var temp = target + ".tmp";
        File.WriteAllText(temp, Read(testData));
        File.Move(temp, target, overwrite: true);
    }

    public void SetLinkSpeed(string iface, string speed)
    {
        var dir = Path.Combine(SysRoot, "class", "net", iface);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "speed"), speed);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
