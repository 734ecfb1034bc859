using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace Qdms.Testing;

/// <summary>
/// One real PostgreSQL 15 for the whole test process: the one named by <c>QDMS_TEST_POSTGRES</c> (a connection string
/// of a role that may create databases), else a private cluster started with <c>tests/peers/postgres.sh</c> and stopped
/// when the process exits. Each fixture takes a fresh database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public static partial class PostgresServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static int _processId;

    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await Server.Value;
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 50 }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var admin = await Server.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("QDMS_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        var script = Path.Combine(RepoPaths.Root, "tests", "peers", "postgres.sh");
        var psi = new ProcessStartInfo("bash", [script, "0"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = await p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var m = Started().Match(stdout);
        if (p.ExitCode != 0 || !m.Success)
        {
            throw new InvalidOperationException(
                $"Could not start PostgreSQL for the tests (exit {p.ExitCode}). Install postgresql-15 (see .ci/run) or set QDMS_TEST_POSTGRES.\n{stdout}\n{stderr}");
        }

        _processId = int.Parse(m.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var dir = m.Groups["dir"].Value;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(dir);
        return $"Host=127.0.0.1;Port={m.Groups["port"].Value};Database=qdms;Username=qdms;Password=qdmspass";
    }

    private static void Stop(string dir)
    {
        _ = SendSignal(_processId, SigInt); // "fast shutdown": the postmaster stops its children and exits
        for (var i = 0; i < 50 && SendSignal(_processId, 0) == 0; i++)
        {
            Thread.Sleep(100); // ProcessExit cannot await; bounded to 5 s
        }

        try
        {
            Directory.Delete(dir, true);
        }
        catch (IOException)
        {
        }
    }

    private const int SigInt = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    [GeneratedRegex(@"PID=(?<pid>\d+) PORT=(?<port>\d+) DIR=(?<dir>\S+)")]
    private static partial Regex Started();
}
