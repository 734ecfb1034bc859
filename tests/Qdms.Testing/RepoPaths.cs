namespace Qdms.Testing;

/// <summary>Finds files of the repository from a test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QDMS.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("QDMS.slnx not found above " + AppContext.BaseDirectory);
    }
}
