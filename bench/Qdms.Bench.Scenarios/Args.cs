using System.Globalization;

namespace Qdms.Bench.Scenarios;

/// <summary><c>--name value</c> options with defaults.</summary>
internal static class Args
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
