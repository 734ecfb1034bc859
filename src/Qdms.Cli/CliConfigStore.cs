using System.Text.Json;

namespace Qdms.Cli;

/// <summary>What <c>qdms login</c> saves: the server and the token, in a file only the user can read.</summary>
public sealed record CliConfig(string? Server, string? Token, string? Username);

public sealed class CliConfigStore(string path)
{
    public string Path { get; } = path;

    public static CliConfigStore Default()
    {
        var explicitPath = Environment.GetEnvironmentVariable("QDMS_CLI_CONFIG");
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return new CliConfigStore(explicitPath);
        }

        var baseDir = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(baseDir))
        {
            baseDir = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return new CliConfigStore(System.IO.Path.Combine(baseDir, "qdms", "cli.json"));
    }

    public CliConfig Load()
    {
        if (!File.Exists(Path))
        {
            return new CliConfig(null, null, null);
        }

        try
        {
            return JsonSerializer.Deserialize<CliConfig>(File.ReadAllText(Path)) ?? new CliConfig(null, null, null);
        }
        catch (JsonException)
        {
            return new CliConfig(null, null, null);
        }
    }

    public void Save(CliConfig config)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(Path, options);
        JsonSerializer.Serialize(stream, config);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
