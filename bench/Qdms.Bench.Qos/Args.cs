using System.Globalization;

namespace Qdms.Bench.Qos;

/// <summary><c>--name value</c> pairs.</summary>
internal sealed class Args(string[] args)
{
    public int Int(string name, int fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public string Text(string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
