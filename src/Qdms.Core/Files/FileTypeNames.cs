namespace Qdms.Core.Files;

/// <summary>The lower-case names file types have on the wire and in the database.</summary>
public static class FileTypeNames
{
    /// <summary>The accepted names, for error messages.</summary>
    public const string Accepted = "fw, sw, config, other";

    public static string ToName(this FileType type) => type switch
    {
        FileType.Fw => "fw",
        FileType.Sw => "sw",
        FileType.Config => "config",
        FileType.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Parses a type name; "etc" is taken as "other", as the QDMS plan calls it.</summary>
    public static bool TryParse(string? name, out FileType type)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "fw": type = FileType.Fw; return true;
            case "sw": type = FileType.Sw; return true;
            case "config": type = FileType.Config; return true;
            case "other" or "etc": type = FileType.Other; return true;
            default: type = default; return false;
        }
    }
}
