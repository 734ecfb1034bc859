namespace Qdms.Server.Hosting;

/// <summary>
/// Turns the launcher's short options into configuration keys: <c>--data DIR</c> → <c>Qdms:Storage:DataDirectory</c>,
/// <c>--db CONN</c> → <c>Qdms:Storage:ConnectionString</c>. A leading <c>serve</c> word is dropped.
/// Everything else (<c>--urls</c>, <c>--Qdms:Section:Key=value</c>) passes through to the host.
/// </summary>
internal static class ServerArgs
{
    private static readonly Dictionary<string, string> Short = new(StringComparer.Ordinal)
    {
        ["--data"] = "--Qdms:Storage:DataDirectory",
        ["--db"] = "--Qdms:Storage:ConnectionString",
    };

    public static string[] Normalize(string[] args)
    {
        var list = args.ToList();
        if (list.Count > 0 && list[0] == "serve")
        {
            list.RemoveAt(0);
        }

        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? arg : arg[..eq];
            if (Short.TryGetValue(name, out var key))
            {
                list[i] = eq < 0 ? key : key + arg[eq..];
            }
        }

        return [.. list];
    }
}
