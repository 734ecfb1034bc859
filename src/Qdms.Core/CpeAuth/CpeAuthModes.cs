namespace Qdms.Core.CpeAuth;

/// <summary>The names of <see cref="CpeAuthMode"/> in configs, the API and the CLI: <c>none</c>, <c>basic</c>, <c>digest</c>.</summary>
public static class CpeAuthModes
{
    public static string ToName(this CpeAuthMode mode) => mode switch
    {
        CpeAuthMode.None => "none",
        CpeAuthMode.Basic => "basic",
        _ => "digest",
    };

    public static bool TryParse(string? name, out CpeAuthMode mode)
    {
        switch (name)
        {
            case "none":
                mode = CpeAuthMode.None;
                return true;
            case "basic":
                mode = CpeAuthMode.Basic;
                return true;
            case "digest":
                mode = CpeAuthMode.Digest;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
