using System.Diagnostics;

namespace Qdms.Testing;

/// <summary>Runs a peer's command-line tool (a start script, snmpget, prosodyctl …) to completion within a time limit.</summary>
public static class PeerProcess
{
    /// <summary>Runs <paramref name="start"/> with its output redirected; kills it and throws <see cref="TimeoutException"/> past <paramref name="limit"/>.</summary>
    public static (int Exit, string Output, string Error) Run(ProcessStartInfo start, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} did not finish within {limit}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A start info for <paramref name="file"/> with <paramref name="arguments"/>, each passed as one argument.</summary>
    public static ProcessStartInfo For(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
